#!/usr/bin/env python3
"""Writes a large synthetic registry and its certificates for the benchmark: valid IINs and IBANs,
every case eligible for 2026Q1 except a few percent with the usual defects.
usage: generate-registry.py N OUT_DIR"""
import random, sys, datetime, os

BANKS = [("HSBKKZKX", "601"), ("CASPKZKA", "722"), ("KCJBKZKX", "856"), ("IRTYKZKA", "965"), ("TSESKZKA", "998"), ("EURIKZKA", "948")]

def iin(birth, female, serial):
    century = {18: 1, 19: 3, 20: 5}[birth.year // 100] + (1 if female else 0)
    while True:
        d11 = birth.strftime("%y%m%d") + str(century) + "%04d" % (serial % 10000)
        d = [int(c) for c in d11]
        s = sum(d[i] * (i + 1) for i in range(11)) % 11
        if s == 10:
            s = sum(d[i] * ((i + 2) % 11 + 1) for i in range(11)) % 11
        if s != 10:
            return d11 + str(s)
        serial += 1

def iban(code, account):
    bban = code + "%013d" % account
    num = "".join(str(int(ch, 36)) for ch in bban + "KZ00")
    return "KZ%02d%s" % (98 - int(num) % 97, bban)

def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(42)
    base = datetime.date(2008, 1, 1)
    with open(os.path.join(out, "recipients.csv"), "w", encoding="utf-8") as r, \
         open(os.path.join(out, "certificates.csv"), "w", encoding="utf-8") as c:
        r.write("case_id,district,applicant_iin,applicant_name,applicant_role,guardianship_ref,child_iin,child_name,child_birth_date,"
                "application_date,decision_no,decision_date,disability_cert_no,disability_valid_to,home_education_from,"
                "home_education_to,study_end_date,bank_bic,iban,status\n")
        c.write("child_iin,quarter,certificate_no,issued_on,school\n")
        for i in range(1, n + 1):
            child_birth = base + datetime.timedelta(days=rnd.randrange(0, 6000))
            parent_birth = datetime.date(1975, 1, 1) + datetime.timedelta(days=rnd.randrange(0, 7000))
            child = iin(child_birth, i % 2, i)
            bic, code = BANKS[i % len(BANKS)]
            account = iban(code, i) if i % 97 else "KZ00" + code + "0000000000000"  # ~1 % invalid IBANs
            status = "approved" if i % 53 else "suspended"
            r.write(f"C-{i:07d},District {i % 9},{iin(parent_birth, 1, i * 7)},Applicant {i},parent,,{child},Child {i},"
                    f"{child_birth.isoformat()},2025-08-01,D-{i},2025-08-04,M-{i},2027-06-30,2025-09-01,,,{bic},{account},{status}\n")
            if i % 31:
                c.write(f"{child},2026Q1,S-{i},2026-01-10,School {i % 400}\n")

main()
