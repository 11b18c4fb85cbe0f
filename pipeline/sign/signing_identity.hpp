#pragma once
// The signer's certificate and private key, read from a PKCS#12 file (.p12/.pfx) as
// certificate authorities hand them out, with OpenSSL.
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdint>
#include <memory>
#include <string>

namespace vnplan {

struct OpenSslFree {
  void operator()(X509* p) const { X509_free(p); }
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(STACK_OF(X509)* p) const { sk_X509_pop_free(p, X509_free); }
};

struct SigningIdentity {
  std::unique_ptr<X509, OpenSslFree> cert;
  std::unique_ptr<EVP_PKEY, OpenSslFree> key;
  std::unique_ptr<STACK_OF(X509), OpenSslFree> chain;  // the other certificates of the file
  std::string commonName;    // subject CN, UTF-8
  std::string organisation;  // subject O, UTF-8 (empty if none)
};

// Reads `p12` (the file's bytes; `path` for messages) and checks that the key matches the
// certificate and that the certificate is valid at `at` (Unix seconds). Throws SignFailure.
SigningIdentity loadSigningIdentity(const std::string& p12, const std::string& path, const std::string& password,
                                    std::int64_t at);

// Throws SignFailure (not yet valid / expired) unless the certificate is valid at `at`.
void checkValidAt(const X509* cert, std::int64_t at);

// A name entry of a certificate's subject in UTF-8 ("" if absent); nid e.g. NID_commonName.
std::string subjectEntry(const X509* cert, int nid);
// "24/01/2025" for an ASN.1 time.
std::string asn1DateText(const ASN1_TIME* t);

}  // namespace vnplan
