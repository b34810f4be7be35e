// TLS on the agency server, and a tablet that refuses an untrusted certificate unless its
// fingerprint was pinned at enrolment.
#include "serverfixture.h"

#include <QSslCertificate>

using namespace careround;
using namespace careround::test;

class TestServerTls : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QByteArray m_fingerprint;

private slots:
    void initTestCase()
    {
        const QString cert = m_dir.filePath("agency.crt");
        const QString key = m_dir.filePath("agency.key");
        QProcess openssl;
        openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
                                  "/CN=127.0.0.1", "-days", "2", "-keyout", key, "-out", cert});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
                 "openssl could not make a certificate");
        QFile f(cert);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_fingerprint = QSslCertificate(&f, QSsl::Pem).digest(QCryptographicHash::Sha256);
        m_server = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        m_server->admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        m_server->extraArgs = {"--tls-cert", cert, "--tls-key", key};
        QVERIFY(m_server->start());
    }
    void cleanupTestCase() { m_server.reset(); }

    void anUntrustedCertificateIsRefused()
    {
        QUrl url = m_server->url();
        url.setScheme("https");
        HttpSyncTransport transport(url, {});
        const SyncResponse r = transport.get("/v1/health");
        QCOMPARE(r.status, 0);
        QVERIFY2(r.networkError.contains("certificate"), qPrintable(r.networkError));
        // The tablet can show the fingerprint it saw, for a person to compare.
        QCOMPARE(transport.lastPeerCertificate(), m_fingerprint);
        HttpSyncTransport wrongPin(url, {});
        wrongPin.setPinnedCertificate(QByteArray(32, '\x01'));
        QCOMPARE(wrongPin.get("/v1/health").status, 0);
    }

    void aPinnedCertificateIsTrustedAndSyncWorks()
    {
        QUrl url = m_server->url();
        url.setScheme("https");
        HttpSyncTransport transport(url, {});
        transport.setPinnedCertificate(m_fingerprint);
        const SyncResponse health = transport.get("/v1/health");
        QCOMPARE(health.status, 200);
        const SyncResponse enrol = transport.post(
            "/v1/enroll", {{"login", "ana"}, {"password", kPassword}, {"deviceId", newUuid7()}});
        QCOMPARE(enrol.status, 200);
        QVERIFY(!enrol.body.value("token").toString().isEmpty());
        // Plain HTTP to the TLS port gets no answer.
        HttpSyncTransport plain(m_server->url(), {});
        QCOMPARE(plain.get("/v1/health").status, 0);
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_servertls.moc"
