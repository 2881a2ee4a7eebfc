#!/usr/bin/env bash
# Makes a TEST certification authority and two TEST signers for trying the two signatures
# (README "Two signatures"): DIR/trust/root.pem (self-signed TEST root), DIR/trust/intermediate.pem
# (as the NCA's keys chain through one), DIR/first.p12 and DIR/second.p12 shaped like NCA
# RSA256_….p12 keys (SERIALNUMBER=IIN…, OU=BIN…), every subject marked TEST. Never a real key.
# The IINs and passwords come from samples/release/test-signers.env.
# Usage: scripts/make-test-signers.sh [DIR]   (default: keys)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=samples/release/test-signers.env
source "$here/samples/release/test-signers.env"
out=${1:-keys}
mkdir -p "$out/trust"
cd "$out"
umask 077
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/ext.cnf" <<'CNF'
[intermediate]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[signer]
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
days=3650
openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days "$days" -keyout "$tmp/root.key" -out trust/root.pem \
  -subj "/C=KZ/O=TEST ONLY - not the NCA/CN=TEST ROOT CA (RSA)" \
  -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$tmp/intermediate.key" -out "$tmp/intermediate.csr" \
  -subj "/C=KZ/O=TEST ONLY - not the NCA/CN=TEST INTERMEDIATE CA (RSA)" 2>/dev/null
openssl x509 -req -sha256 -days "$days" -in "$tmp/intermediate.csr" -CA trust/root.pem -CAkey "$tmp/root.key" -set_serial "0x$(openssl rand -hex 8)" \
  -extfile "$tmp/ext.cnf" -extensions intermediate -out trust/intermediate.pem 2>/dev/null

# signer FILE IIN SURNAME NAME PASSWORD
signer() {
  openssl req -new -newkey rsa:2048 -nodes -sha256 -utf8 -keyout "$tmp/$1.key" -out "$tmp/$1.csr" \
    -subj "/CN=$3 $4 TEST/SN=$3/serialNumber=IIN$2/C=KZ/GN=TEST/O=TEST ГУ «Управление занятости и социальных программ»/OU=BIN$SAMPLE_DEPARTMENT_BIN" 2>/dev/null
  openssl x509 -req -sha256 -days "$days" -in "$tmp/$1.csr" -CA trust/intermediate.pem -CAkey "$tmp/intermediate.key" -set_serial "0x$(openssl rand -hex 8)" \
    -extfile "$tmp/ext.cnf" -extensions signer -out "$tmp/$1.pem" 2>/dev/null
  PASS="$5" openssl pkcs12 -export -inkey "$tmp/$1.key" -in "$tmp/$1.pem" -certfile trust/intermediate.pem -name "$1 TEST" \
    -passout env:PASS -out "$1.p12"
}
signer first "$FIRST_SIGNER_IIN" "ТЕСТОВ" "ТЕСТ" "$FIRST_SIGNER_PASSWORD"
signer second "$SECOND_SIGNER_IIN" "ТЕСТОВА" "БУХГАЛТЕР" "$SECOND_SIGNER_PASSWORD"
echo "TEST keys in $(pwd): first.p12, second.p12, trust/root.pem, trust/intermediate.pem"
