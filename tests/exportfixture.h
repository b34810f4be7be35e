#pragma once

// Fixtures of the export tests (issue 13): a demo agency seeded by the real careround-server
// on a fresh database (SQLite, or PostgreSQL in the _pg runs), the admin CLI run with its exit
// code and both output streams, the store opened in process to find ids, and the outside
// tools that read the files back (pdftotext, pdfinfo, pdftoppm, Python's csv and icalendar).
#include "serverfixture.h"

#include <QDir>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

namespace careround::test {

/** What a run of the CLI or a tool gave. */
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/** Runs a program to its end (no timeout is asserted: a stuck tool fails the suite's). */
inline Run runProgram(const QString &program, const QStringList &args, const QStringList &env = {},
                      const QByteArray &input = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(e);
    p.start(program, args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

/** `careround-server admin --db URL ARGS...`. */
inline Run serverAdmin(const QString &db, const QStringList &args)
{
    return runProgram(QStringLiteral(CAREROUND_SERVER_PATH),
                      QStringList{QStringLiteral("admin"), QStringLiteral("--db"), db,
                                  QStringLiteral("--log-level"), QStringLiteral("error")} +
                          args,
                      {QStringLiteral("CAREROUND_PASSWORD=") + kPassword});
}

/** <build>/screenshots/SUB, made when missing. */
inline QString screenshotDir(const QString &sub)
{
    QString dir = QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                  QStringLiteral("/../screenshots/") + sub);
    QDir().mkpath(dir);
    return dir;
}

/** The text of a PDF, whitespace runs made one space. */
inline QString pdfText(const QString &path)
{
    const Run r = runProgram(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (r.exitCode != 0)
        qWarning("pdftotext %s: %s", qPrintable(path), qPrintable(r.err));
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString(r.out).replace(space, QStringLiteral(" "));
}

/** The number of pages of a PDF (pdfinfo), or -1. */
inline int pdfPages(const QString &path)
{
    const Run r = runProgram(QStringLiteral("pdfinfo"), {path});
    static const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto m = pages.match(r.out);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

/** Renders every page of a PDF to PREFIX-N.png (pdftoppm); true when it did. */
inline bool renderPdf(const QString &path, const QString &prefix)
{
    return runProgram(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"),
                                                   QStringLiteral("70"), path, prefix})
               .exitCode == 0;
}

/** Whitespace runs made one space (to find a wrapped sentence in a PDF's text). */
inline QString oneLine(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.replace(space, QStringLiteral(" ")).trimmed();
}

/** A record as the server stores it, read in process. */
inline Record storedRecord(ServerDatabase &db, const QString &entity, const QString &id)
{
    const auto rows = db.query(
        QStringLiteral("SELECT vals FROM record WHERE entity = ? AND id = ?"), {entity, id});
    Record r;
    r.entity = entity;
    r.id = id;
    if (!rows.isEmpty())
        r.values = QJsonDocument::fromJson(rows[0][0].toString().toUtf8()).object();
    return r;
}

/** The ids of every record of a kind on the server, in id order. */
inline QStringList storedIds(ServerDatabase &db, const QString &entity)
{
    QStringList ids;
    for (const auto &row :
         db.query(QStringLiteral("SELECT id FROM record WHERE entity = ? ORDER BY id"), {entity}))
        ids.append(row[0].toString());
    return ids;
}

/** A raw HTTP reply (files, not JSON). */
struct HttpFile {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

/** GET or POST on the test server with a device token (empty: none), waiting for the reply. */
inline HttpFile httpRequest(const QUrl &url, const QByteArray &token, bool post = false)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply =
        post ? manager.post(request, QByteArrayLiteral("{}")) : manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpFile out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 reply->readAll(), reply->header(QNetworkRequest::ContentTypeHeader).toByteArray()};
    reply->deleteLater();
    return out;
}

/** The account id of a login, read in process. */
inline QString accountIdOf(ServerDatabase &db, const QString &login)
{
    const auto rows = db.query(QStringLiteral("SELECT id FROM account WHERE login = ?"), {login});
    return rows.isEmpty() ? QString() : rows[0][0].toString();
}

} // namespace careround::test
