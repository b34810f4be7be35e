#include "devicesyncer.h"

#include "merge.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace careround {

namespace {
const QString kCursor = QStringLiteral("sync.cursor");
const QString kEpoch = QStringLiteral("sync.epoch");
const QString kBackfill = QStringLiteral("sync.backfill.");
const QString kCaseload = QStringLiteral("sync.caseload");
const QString kDropWaits = QStringLiteral("sync.caseload.dropWaits");
const QString kRebase = QStringLiteral("sync.rebase");
} // namespace

SyncOutcome DeviceSyncer::unreadableAnswer()
{
    SyncOutcome o;
    o.state = SyncOutcome::State::Offline;
    o.message = QCoreApplication::translate(
        "careround::DeviceSyncer", "The agency server sent an unreadable answer. Your changes are "
                                   "safe on this tablet and will be sent later.");
    return o;
}

bool DeviceSyncer::isHelloReply(const QJsonObject &body)
{
    const std::optional<qint64> last =
        Protocol::integerValue(body.value(QStringLiteral("lastDeviceSeq")));
    const bool maxSeq = !body.contains(QStringLiteral("maxSeq")) ||
                        Protocol::integerValue(body.value(QStringLiteral("maxSeq"))).has_value();
    return last && *last >= 0 && maxSeq && body.value(QStringLiteral("epoch")).isString() &&
           body.value(QStringLiteral("action")).isString() &&
           (!body.contains(QStringLiteral("caseload")) ||
            body.value(QStringLiteral("caseload")).isArray());
}

bool DeviceSyncer::isPullReply(const QJsonObject &body, qint64 cursor, const QString &client)
{
    const std::optional<qint64> next =
        Protocol::integerValue(body.value(QStringLiteral("nextCursor")));
    // The page echoes its request: a page of another cursor or client would move this one.
    const QJsonValue echoedClient = body.value(QStringLiteral("client"));
    return next && *next >= cursor && body.value(QStringLiteral("records")).isArray() &&
           body.value(QStringLiteral("hasMore")).isBool() &&
           Protocol::integerValue(body.value(QStringLiteral("cursor"))) == cursor &&
           (client.isEmpty() ? echoedClient.isUndefined() : echoedClient.toString() == client);
}

std::optional<SyncOutcome> DeviceSyncer::failure(const SyncResponse &response)
{
    if (response.ok())
        return std::nullopt;
    SyncOutcome o;
    const QString code = response.body.value(QStringLiteral("error")).toString();
    if (response.status == 0) {
        o.state = SyncOutcome::State::Offline;
        o.message = response.networkError + QStringLiteral(". Your changes are safe on this "
                                                           "tablet and will be sent later.");
    } else if (code == QLatin1String("device_revoked")) {
        o.state = SyncOutcome::State::Revoked;
        o.message = QCoreApplication::translate(
            "careround::DeviceSyncer", "The agency signed this tablet out (revoked it), and the "
                                       "data on it has been wiped. You can enrol it again.");
    } else if (response.status == 401) {
        o.state = SyncOutcome::State::Unrecognised;
        o.message = QCoreApplication::translate(
            "careround::DeviceSyncer", "The agency no longer recognises this tablet (its server "
                                       "may have a new database). Nothing was wiped: your unsent "
                                       "changes are kept here. Enrol this tablet again to go on.");
    } else if (response.status >= 500) {
        o.state = SyncOutcome::State::Offline;
        o.message = QCoreApplication::translate(
                        "careround::DeviceSyncer",
                        "The agency server is having trouble (%1). Your changes are "
                        "safe and will be sent later.")
                        .arg(response.status);
    } else {
        o.state = SyncOutcome::State::Error;
        o.message =
            QCoreApplication::translate("careround::DeviceSyncer",
                                        "The agency server refused the sync: %1. Contact your "
                                        "supervisor; your changes stay on this tablet.")
                .arg(response.body.value(QStringLiteral("message")).toString());
    }
    return o;
}

SyncOutcome DeviceSyncer::syncOnce(const SyncProgress &progress)
{
    m_changedKinds.clear();
    m_setAside = 0;
    SyncOutcome outcome = run(progress);
    outcome.setAside = m_setAside;
    // Told at any step that this tablet was revoked: wipe it now, before anything else.
    if (outcome.state == SyncOutcome::State::Revoked) {
        m_store.wipe(QStringLiteral("revoked by the agency"));
        // Read by the session at the next start: it says why the tablet is empty.
        m_store.meta().setValue(QStringLiteral("account.signedOut"), QStringLiteral("revoked"));
        for (const EntityDef &def : Schema::instance().entities())
            m_changedKinds.insert(def.name);
    }
    outcome.changedKinds = m_changedKinds;
    return outcome;
}

SyncOutcome DeviceSyncer::run(const SyncProgress &progress)
{
    const auto step = [&](const QString &s, qint64 done, qint64 total) {
        if (progress)
            progress(s, done, total);
    };
    SyncOutcome outcome;
    step(QCoreApplication::translate("careround::DeviceSyncer", "Contacting the agency server"), 0,
         0);
    const SyncResponse hello =
        m_transport.post(QStringLiteral("/v1/sync/hello"),
                         QJsonObject{{"deviceId", m_store.deviceId()},
                                     {"schemaVersion", m_store.schemaVersion()},
                                     {"appVersion", Protocol::appVersion()},
                                     {"pending", double(m_store.outbox().count())},
                                     {"cursor", m_store.meta().value(kCursor, "0").toDouble()},
                                     {"epoch", m_store.meta().value(kEpoch)}});
    if (auto f = failure(hello))
        return *f;
    if (!isHelloReply(hello.body))
        return unreadableAnswer();
    {
        auto tx = m_store.transaction();
        const QString action = hello.body.value(QStringLiteral("action")).toString();
        const qint64 lastDeviceSeq =
            qint64(hello.body.value(QStringLiteral("lastDeviceSeq")).toDouble());
        if (rebaseAfterEnrolment(lastDeviceSeq)) {
            // Enrolled again (a replaced database): handled whole by the rebase.
        } else if (action == QLatin1String("resend")) {
            // The server was restored from a backup: send again what it may have lost, and
            // read everything again.
            m_store.outbox().resendAfter(lastDeviceSeq);
            m_store.meta().setValue(kCursor, QStringLiteral("0"));
        } else if (action == QLatin1String("refresh")) {
            m_store.meta().setValue(kCursor, QStringLiteral("0"));
        }
        // Edits the server may have decided without the reply arriving (up to lastDeviceSeq)
        // stay pending: sent again, the server answers each as it did (duplicate, or refused
        // with its reason), so a refusal is never mistaken for an applied edit.
        m_store.meta().setValue(kEpoch, hello.body.value(QStringLiteral("epoch")).toString());
        m_store.meta().setValue(QStringLiteral("sync.role"),
                                hello.body.value(QStringLiteral("role")).toString());
        // Whose documents the tablet's PDFs are (a server that says no name keeps the last).
        if (const QString agency = hello.body.value(QStringLiteral("agency")).toString();
            !agency.isEmpty())
            m_store.setAgencyName(agency.left(200));
        tx.commit();
    }
    if (auto f = push(outcome, progress))
        return *f;
    applySetAside();
    const bool firstLoad = m_store.meta().value(kCursor, "0") == QLatin1String("0");
    // Nothing new on the server and nothing pushed: no pull request at all.
    const bool upToDate = outcome.pushed == 0 && hello.body.contains(QStringLiteral("maxSeq")) &&
                          m_store.meta().value(kCursor, "0").toLongLong() >=
                              qint64(hello.body.value(QStringLiteral("maxSeq")).toDouble());
    if (!upToDate) {
        if (auto f = pull(outcome, progress, QString()))
            return *f;
    }
    SyncResponse caseloadReply = hello;
    if (outcome.pushed > 0) {
        // What was just pushed may have changed the caseload (a new client): ask again.
        caseloadReply = m_transport.post(
            QStringLiteral("/v1/sync/hello"),
            QJsonObject{{"deviceId", m_store.deviceId()}, {"epoch", m_store.meta().value(kEpoch)}});
        if (auto f = failure(caseloadReply))
            return *f;
        if (!isHelloReply(caseloadReply.body))
            return unreadableAnswer();
    }
    if (caseloadReply.body.contains(QStringLiteral("caseload"))) {
        QStringList caseload;
        for (const auto &v : caseloadReply.body.value(QStringLiteral("caseload")).toArray())
            caseload.append(v.toString());
        // Clients new on the caseload: their older records predate our cursor, so fetch each
        // one whole (resumable). A first load from cursor 0 already has them all.
        const QStringList known =
            m_store.meta().value(kCaseload).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &id : caseload) {
            const bool unfinished = !m_store.meta().value(kBackfill + id).isEmpty();
            if (!unfinished && (firstLoad || known.contains(id)))
                continue;
            if (auto f = pull(outcome, progress, id))
                return *f;
        }
        const QString joined = caseload.join(QLatin1Char(','));
        const bool dropWaits = !m_store.meta().value(kDropWaits).isEmpty();
        if (joined != m_store.meta().value(kCaseload) || firstLoad || dropWaits) {
            const bool dropped = dropClientsNotIn(caseload);
            // The caseload known is what the server lists now, even while a client that left
            // waits to be dropped (edits still to push): if it comes back before, its records
            // are fetched whole again, with what others changed while it was away.
            auto tx = m_store.transaction();
            m_store.meta().setValue(kCaseload, joined);
            if (dropped)
                m_store.meta().remove(kDropWaits);
            else
                m_store.meta().setValue(kDropWaits, QStringLiteral("1"));
            tx.commit();
        }
    }
    m_store.setBookkeeping(QStringLiteral("sync.lastSuccess"),
                           QString::number(m_store.wallMillis()));
    // Acknowledged edits are kept 30 days, for a server restored from an older backup.
    m_store.outbox().pruneAcknowledged(
        Hlc::fromParts(quint64(qMax<qint64>(0, m_store.wallMillis() - 30LL * 86400000)), 0));
    outcome.message = QCoreApplication::translate("careround::DeviceSyncer", "Up to date");
    return outcome;
}

std::optional<SyncOutcome> DeviceSyncer::push(SyncOutcome &outcome, const SyncProgress &progress)
{
    const qint64 total = m_store.outbox().count();
    qint64 sent = 0;
    for (int round = 0; round < 100000; ++round) {
        const QVector<OutboxEntry> batch = m_store.outbox().pending(pushBatchSize);
        if (batch.isEmpty())
            return std::nullopt;
        if (progress)
            progress(QCoreApplication::translate("careround::DeviceSyncer", "Sending changes"),
                     sent, total);
        QJsonArray changes;
        for (const OutboxEntry &e : batch)
            changes.append(
                Protocol::encodeChange(e.seq, e.entity, e.recordId, e.hlc, e.values, e.bases));
        const SyncResponse reply = m_transport.post(
            QStringLiteral("/v1/sync/push"),
            QJsonObject{{"schemaVersion", m_store.schemaVersion()}, {"changes", changes}});
        if (reply.status == 409 &&
            reply.body.value(QStringLiteral("error")).toString() == QLatin1String("sequence_gap")) {
            // The server lost edits it had acknowledged (restored from a backup): resend
            // from where it says it stands. The next hello sets the exact point.
            auto tx = m_store.transaction();
            m_store.outbox().resendAfter(0);
            m_store.meta().setValue(kEpoch, QString());
            tx.commit();
            SyncOutcome o;
            o.state = SyncOutcome::State::Offline;
            o.message = QCoreApplication::translate(
                "careround::DeviceSyncer",
                "The agency server needs some changes again; they will be "
                "sent at the next sync.");
            return o;
        }
        if (auto f = failure(reply))
            return f;
        const std::optional<qint64> through = answeredThrough(batch, reply.body);
        if (!through) // not the answer to this batch: it goes again, the server sees duplicates
            return unreadableAnswer();
        acknowledge(batch, reply.body.value(QStringLiteral("results")).toArray(), *through,
                    outcome);
        if (*through < batch.first().seq) {
            SyncOutcome o;
            o.state = SyncOutcome::State::Error;
            o.message = QCoreApplication::translate(
                "careround::DeviceSyncer", "The agency server did not accept the changes.");
            return o;
        }
        const int acked = int(std::count_if(
            batch.begin(), batch.end(), [&](const OutboxEntry &e) { return e.seq <= *through; }));
        outcome.pushed += acked;
        sent += acked;
    }
    return std::nullopt;
}

std::optional<qint64> DeviceSyncer::answeredThrough(const QVector<OutboxEntry> &batch,
                                                    const QJsonObject &reply)
{
    // A push reply names every change of its batch, in order.
    const std::optional<qint64> through =
        Protocol::integerValue(reply.value(QStringLiteral("appliedThrough")));
    const QJsonValue resultsValue = reply.value(QStringLiteral("results"));
    if (!through || *through < 0 || !resultsValue.isArray())
        return std::nullopt;
    const QJsonArray results = resultsValue.toArray();
    if (results.size() != batch.size())
        return std::nullopt;
    for (qsizetype i = 0; i < results.size(); ++i)
        if (Protocol::integerValue(results.at(i).toObject().value(QStringLiteral("deviceSeq"))) !=
            batch.at(i).seq)
            return std::nullopt;
    // A batch of duplicates is answered with all the server holds of this tablet: edits after
    // the batch are acknowledged only by the answer that names them (refused ones included).
    return qMin(*through, batch.last().seq);
}

void DeviceSyncer::acknowledge(const QVector<OutboxEntry> &batch, const QJsonArray &results,
                               qint64 through, SyncOutcome &outcome)
{
    // One transaction: the refusals, the acknowledgement and the removals, or none of them
    // (a tablet killed before the commit sends the batch again and gets the same answers).
    auto tx = m_store.transaction();
    QVector<const OutboxEntry *> refusedNew;
    for (const auto &value : results) {
        const QJsonObject r = value.toObject();
        if (r.value(QStringLiteral("conflicts")).toInt() > 0)
            ++outcome.conflicts;
        if (r.value(QStringLiteral("status")).toString() != QLatin1String("refused"))
            continue;
        const qint64 seq = qint64(r.value(QStringLiteral("deviceSeq")).toDouble());
        const auto entry = std::find_if(batch.begin(), batch.end(),
                                        [&](const OutboxEntry &e) { return e.seq == seq; });
        if (entry == batch.end() || seq > through)
            continue;
        m_store.outbox().markRefused(seq, r.value(QStringLiteral("reason")).toString(),
                                     r.value(QStringLiteral("message")).toString());
        ++outcome.refused;
        if (r.value(QStringLiteral("newRecord")).toBool())
            refusedNew.append(&*entry);
    }
    m_store.outbox().acknowledge(through);
    // A new record the server refused is not on the server: the local copy goes (its values
    // stay readable in the refused list), unless edits to it still wait to be sent.
    for (const OutboxEntry *e : refusedNew) {
        const EntityDef *def = Schema::instance().entity(e->entity);
        if (def && m_store.outbox().pendingFields(e->entity, e->recordId).isEmpty()) {
            m_store.records().remove(*def, e->recordId);
            m_changedKinds.insert(def->name);
        }
    }
    tx.commit();
}

void DeviceSyncer::applySetAside()
{
    const QVector<SetAsideRecord> aside = m_store.outbox().setAsideRecords();
    if (aside.isEmpty())
        return;
    auto tx = m_store.transaction();
    for (const SetAsideRecord &r : aside) {
        Record pulled;
        qint64 seq = 0;
        if (!Protocol::decodeRecord(r.record, pulled, seq).isEmpty())
            continue; // still unknown to this app
        const EntityDef &def = *Schema::instance().entity(pulled.entity);
        const std::optional<Record> local = m_store.records().find(def, pulled.id);
        m_store.outbox().removeSetAside(r.entity, r.id);
        if (local && pulled.latestStamp().hlc < local->latestStamp().hlc)
            continue; // a newer copy arrived since
        m_store.records().write(
            def, applyPulled(local, pulled, m_store.outbox().pendingFields(def.name, pulled.id)));
        m_store.observeHlc(pulled.latestStamp().hlc);
        m_changedKinds.insert(def.name);
    }
    tx.commit();
}

std::optional<SyncOutcome> DeviceSyncer::pull(SyncOutcome &outcome, const SyncProgress &progress,
                                              const QString &client)
{
    const QString cursorKey = client.isEmpty() ? kCursor : kBackfill + client;
    if (!client.isEmpty() && m_store.meta().value(cursorKey).isEmpty())
        m_store.meta().setValue(cursorKey, QStringLiteral("0"));
    const auto pathFrom = [&](qint64 cursor) {
        QString path =
            QStringLiteral("/v1/sync/pull?cursor=%1&limit=%2").arg(cursor).arg(pullPageSize);
        if (!client.isEmpty())
            path += QStringLiteral("&client=") + client;
        return path;
    };
    for (;;) {
        const qint64 cursor = m_store.meta().value(cursorKey, "0").toLongLong();
        const QString path = pathFrom(cursor);
        if (progress)
            progress(QCoreApplication::translate("careround::DeviceSyncer", "Receiving changes"),
                     outcome.pulled, 0);
        const SyncResponse reply = m_transport.get(path);
        if (reply.status == 409 && client.isEmpty()) {
            m_store.meta().setValue(kCursor, QStringLiteral("0")); // stale cursor: read all again
            continue;
        }
        if (auto f = failure(reply))
            return f;
        if (!isPullReply(reply.body, cursor, client))
            return unreadableAnswer();
        const QJsonArray records = reply.body.value(QStringLiteral("records")).toArray();
        const qint64 next = qint64(reply.body.value(QStringLiteral("nextCursor")).toDouble());
        const bool hasMore = reply.body.value(QStringLiteral("hasMore")).toBool();
        // The server makes the next page while this one is applied; if the apply fails, the
        // next sync starts again from the stored cursor (the prefetch is dropped).
        if (hasMore)
            m_transport.prefetch(pathFrom(next));
        outcome.pulled += applyPage(records, cursorKey, next);
        if (!hasMore) {
            if (!client.isEmpty()) {
                auto tx = m_store.transaction();
                m_store.meta().remove(cursorKey);
                tx.commit();
            }
            return std::nullopt;
        }
    }
}

int DeviceSyncer::applyPage(const QJsonArray &records, const QString &cursorKey, qint64 nextCursor)
{
    auto tx = m_store.transaction();
    const bool anyPending = m_store.outbox().count() > 0;
    Hlc newest;
    int applied = 0;
    // Records with nothing waiting to be pushed are taken whole, grouped by kind and written
    // many per statement; the others are merged with what waits, one by one.
    QHash<const EntityDef *, QVector<Record>> whole;
    for (const auto &json : records) {
        Record pulled;
        qint64 seq = 0;
        if (const QString why = Protocol::decodeRecord(json, pulled, seq); !why.isEmpty()) {
            // A kind this app does not know (or a record it cannot read): kept aside raw and
            // applied by an app that knows it; it never holds up the page or the cursor.
            const QJsonObject raw = json.toObject();
            m_store.outbox().setAside(
                SetAsideRecord{raw.value(QStringLiteral("entity")).toString(),
                               raw.value(QStringLiteral("id")).toString(),
                               qint64(raw.value(QStringLiteral("seq")).toDouble()), raw, why});
            ++m_setAside;
            continue;
        }
        const EntityDef &def = *Schema::instance().entity(pulled.entity);
        const QSet<QString> pending =
            anyPending ? m_store.outbox().pendingFields(def.name, pulled.id) : QSet<QString>();
        const Stamp latest = pulled.latestStamp();
        if (newest < latest.hlc)
            newest = latest.hlc;
        ++applied;
        m_changedKinds.insert(def.name);
        if (pending.isEmpty())
            whole[&def].append(std::move(pulled));
        else
            m_store.records().write(
                def, applyPulled(m_store.records().find(def, pulled.id), pulled, pending));
    }
    for (auto it = whole.cbegin(); it != whole.cend(); ++it)
        m_store.records().writeAll(*it.key(), it.value());
    m_store.observeHlc(newest);
    if (m_afterApply)
        m_afterApply(); // tests: the process dies here, before the cursor is stored
    m_store.meta().setValue(cursorKey, QString::number(nextCursor));
    tx.commit();
    return applied;
}

bool DeviceSyncer::rebaseAfterEnrolment(qint64 serverLastSeq)
{
    if (m_store.meta().value(kRebase).isEmpty())
        return false;
    // In the hello's transaction: the rebase, the flag and the cursor change together.
    m_store.outbox().rebaseAfter(serverLastSeq);
    m_store.meta().setValue(kCursor, QStringLiteral("0"));
    m_store.meta().remove(kRebase);
    return true;
}

bool DeviceSyncer::dropClientsNotIn(const QStringList &caseload)
{
    // Only once everything is pushed: the old device sends what it has, then drops it.
    if (m_store.outbox().count() > 0)
        return false;
    const QSet<QString> keep(caseload.begin(), caseload.end());
    const EntityDef &clientDef = *Schema::instance().entity(QStringLiteral("client"));
    auto tx = m_store.transaction();
    for (const Record &c : m_store.records().all(clientDef))
        if (!keep.contains(c.id)) {
            m_store.records().removeClient(c.id);
            for (const EntityDef &def : Schema::instance().entities())
                m_changedKinds.insert(def.name);
        }
    tx.commit();
    return true;
}

} // namespace careround
