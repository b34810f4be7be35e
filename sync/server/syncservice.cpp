#include "syncservice.h"

#include "editornames.h"
#include "recordvalidator.h"

#include <QDateTime>
#include <QJsonDocument>

namespace careround {

namespace {

/** Stored JSON object text as it goes on the wire ({} when there is none). */
QByteArray storedObject(const QString &text)
{
    return text.isEmpty() ? QByteArrayLiteral("{}") : text.toUtf8();
}

QJsonObject fromJsonText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/**
 * One change refused alone (thrown by the steps of a change: validation, access, the checks
 * every change passes): its reply's error code is the refusal's reason, its message the plain
 * words the author and the office read. The change's writes are undone, the change is kept
 * in the review store and the push goes on with the next.
 */
struct Refusal {
    ServiceReply reply;
};

/** A push refused as a whole (a gap in the device's sequence): nothing is stored. */
struct BatchRefusal {
    ServiceReply reply;
};

Refusal invalidChange(const QString &message)
{
    return Refusal{ServiceReply::error(400, QStringLiteral("invalid_change"), message)};
}

/**
 * Refuses a change that would store more than a pull page can carry (ProtocolLimits); the
 * values as the store writes them (compact JSON, encoded once).
 */
QByteArray checkStored(qint64 deviceSeq, const EntityDef &def, const Record &record)
{
    QByteArray json = Protocol::compactJson(record.values);
    const QString error = Protocol::checkStored(def, record.values, json);
    if (!error.isEmpty())
        throw Refusal{
            ServiceReply::error(400, QStringLiteral("too_large"),
                                QStringLiteral("change %1: %2").arg(deviceSeq).arg(error))};
    return json;
}

QString nowIso(qint64 millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject refusedResult(qint64 deviceSeq, const QString &reason, const QString &message,
                          bool newRecord)
{
    QJsonObject result{{"deviceSeq", double(deviceSeq)},
                       {"status", "refused"},
                       {"reason", reason},
                       {"message", message}};
    if (newRecord)
        result.insert(QStringLiteral("newRecord"), true);
    return result;
}

} // namespace

/** One push being applied: what the device had applied before, and the writes so far. */
struct SyncService::PushRun {
    qint64 lastSeq = 0;        ///< the device's last change applied before this push
    qint64 appliedThrough = 0; ///< its last change applied now
    ServerStore::Writes writes;
    qint64 now = 0;
    QJsonArray results;
    /** entity/id/field of what the open conflicts this push resolves are about. */
    QSet<QString> resolving = {};
    /** Who made the edits of the conflicts it opens: read at its first conflict, if any. */
    std::optional<EditorNames> editors = {};
};

/** A change as it arrived: its deviceSeq, the JSON sent, and the decoded change or why not. */
struct SyncService::Incoming {
    qint64 deviceSeq = 0;
    QJsonObject raw;
    PushChange change;
    QString reason; ///< set when it cannot be decoded: the refusal's code
    QString message;
};

/** The record a change is about, as stored (if it is) and the client it belongs to. */
struct SyncService::Target {
    const EntityDef *def = nullptr;
    std::optional<Record> current;
    QString clientId;
};

SyncService::SyncService(ServerStore &store, AccountStore &accounts, ReviewStore &review,
                         const AccessPolicy &policy, WallClock wall)
    : m_store(store), m_accounts(accounts), m_review(review), m_policy(policy),
      m_references(store, policy), m_wall(std::move(wall))
{}

ServiceReply SyncService::hello(const Caller &caller, const QJsonObject &body)
{
    const QString deviceEpoch = body.value(QStringLiteral("epoch")).toString();
    const QJsonValue cursorValue = body.value(QStringLiteral("cursor"));
    const std::optional<qint64> cursor =
        cursorValue.isUndefined() ? std::optional<qint64>(0) : Protocol::integerValue(cursorValue);
    if (!cursor || *cursor < 0)
        return ServiceReply::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("cursor must be a non-negative integer"));
    const QString serverEpoch = m_store.epoch();
    {
        // What the office lists of the tablet; a value of the wrong type is left out.
        const std::optional<qint64> pending =
            Protocol::integerValue(body.value(QStringLiteral("pending")));
        const std::optional<qint64> schema =
            Protocol::integerValue(body.value(QStringLiteral("schemaVersion")));
        ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
        m_accounts.noteContact(caller.deviceId, nowIso(m_wall()),
                               body.value(QStringLiteral("appVersion")).toString().left(40),
                               schema && *schema < 1000000 ? int(*schema) : 0,
                               pending && *pending >= 0 ? *pending : -1);
        tx.commit();
    }
    const qint64 lastSeq = m_accounts.lastDeviceSeq(caller.deviceId);
    const bool newEpoch = !deviceEpoch.isEmpty() && deviceEpoch != serverEpoch;
    const qint64 maxSeq = m_store.maxSeq();
    QJsonObject reply{
        {"epoch", serverEpoch},
        {"serverTime", QDateTime::fromMSecsSinceEpoch(m_wall(), Qt::UTC).toString(Qt::ISODate)},
        {"action", newEpoch           ? "resend"
                   : *cursor > maxSeq ? "refresh"
                                      : "ok"},
        {"lastDeviceSeq", double(lastSeq)},
        {"maxSeq", double(maxSeq)},
        {"schemaVersion", Schema::instance().version()},
        {"role", caller.role},
        {"accountId", caller.accountId},
        {"protocol", ProtocolLimits::kProtocolVersion}};
    if (const QString agency = m_store.meta(QStringLiteral("agency")); !agency.isEmpty())
        reply.insert(QStringLiteral("agency"), agency);
    if (!caller.isSupervisor())
        reply.insert(QStringLiteral("caseload"),
                     QJsonArray::fromStringList(m_store.caseload(caller.accountId)));
    else
        reply.insert(QStringLiteral("review"), double(m_review.openCount()));
    return ServiceReply{200, reply};
}

std::optional<ServiceReply> SyncService::decodeBatch(const Caller &caller, const QJsonObject &body,
                                                     QVector<Incoming> &decoded)
{
    const QJsonValue changesValue = body.value(QStringLiteral("changes"));
    if (!changesValue.isArray())
        return ServiceReply::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("changes must be an array"));
    const QJsonArray changes = changesValue.toArray();
    if (changes.size() > ProtocolLimits::kMaxChangesPerPush)
        return ServiceReply::error(
            413, QStringLiteral("batch_too_large"),
            QStringLiteral("At most %1 changes per push").arg(ProtocolLimits::kMaxChangesPerPush));
    const bool newerApp =
        body.value(QStringLiteral("schemaVersion")).toInt() > Schema::instance().version();
    decoded.reserve(changes.size());
    for (const auto &c : changes) {
        // Only what orders the batch refuses it whole: a change without a readable, increasing
        // deviceSeq. Anything else wrong with a change refuses that change alone.
        const std::optional<qint64> seq =
            Protocol::integerValue(c.toObject().value(QStringLiteral("deviceSeq")));
        if (!c.isObject() || !seq || *seq < 1)
            return ServiceReply::error(400, QStringLiteral("invalid_change"),
                                       QStringLiteral("Every change needs a deviceSeq, a "
                                                      "positive integer"));
        Incoming in;
        in.deviceSeq = *seq;
        in.raw = c.toObject();
        if (!decoded.isEmpty() && in.deviceSeq <= decoded.last().deviceSeq)
            return ServiceReply::error(400, QStringLiteral("invalid_change"),
                                       QStringLiteral("deviceSeq must increase within a push"));
        const EntityDef *def =
            Schema::instance().entity(in.raw.value(QStringLiteral("entity")).toString());
        if (!def || !def->replicated) {
            in.reason = QStringLiteral("unknown_entity");
            in.message = QStringLiteral("The agency server does not know this kind of record "
                                        "(an app newer than the server?). The office will "
                                        "review the change.");
        } else if (const QString err =
                       Protocol::decodeChange(c, caller.deviceId, newerApp, in.change);
                   !err.isEmpty()) {
            in.reason = QStringLiteral("invalid_change");
            in.message = err;
        }
        decoded.append(in);
    }
    return std::nullopt;
}

void SyncService::checkSequence(const PushRun &run, qint64 deviceSeq)
{
    if (deviceSeq != run.appliedThrough + 1)
        throw BatchRefusal{
            ServiceReply::error(409, QStringLiteral("sequence_gap"),
                                QStringLiteral("Expected change %1 next; resend from there")
                                    .arg(run.appliedThrough + 1))};
}

SyncService::Target SyncService::locate(const PushChange &change)
{
    Target target;
    target.def = Schema::instance().entity(change.edit.entity);
    target.current = m_store.load(*target.def, change.edit.id, &target.clientId);
    if (!target.current)
        target.clientId =
            Record{target.def->name, change.edit.id, change.edit.values, {}}.clientId(*target.def);
    return target;
}

void SyncService::validate(const PushChange &change, const Target &target)
{
    const EntityDef &def = *target.def;
    const QJsonObject &values = change.edit.values;
    if (!target.current) {
        if (!def.clientField.isEmpty() && !RecordValidator::isUuid(target.clientId))
            throw invalidChange(QStringLiteral("change %1: a new %2 needs its client")
                                    .arg(change.deviceSeq)
                                    .arg(def.label));
        QJsonObject known; // fields from a newer app are kept, not checked here
        for (auto it = values.begin(); it != values.end(); ++it)
            if (def.field(it.key()))
                known.insert(it.key(), it.value());
        const QString missing = RecordValidator::checkEdit(def, {}, known, true);
        if (!missing.isEmpty() && !values.contains(QStringLiteral("voided")))
            throw invalidChange(QStringLiteral("change %1: %2").arg(change.deviceSeq).arg(missing));
    } else if (!def.clientField.isEmpty() && def.clientField != QLatin1String("id") &&
               values.contains(def.clientField) &&
               values.value(def.clientField).toString() != target.clientId) {
        throw invalidChange(QStringLiteral("change %1: a record cannot move to another client")
                                .arg(change.deviceSeq));
    }
}

void SyncService::checkAccess(const Caller &caller, const PushChange &change, const Target &target)
{
    // Every change is checked, not only every pull.
    const AccessTarget record{target.def, target.clientId, target.current.has_value()};
    if (m_policy.mayApply(caller, record, change.edit))
        return;
    if (m_policy.leftCaseload(caller, target.clientId))
        throw Refusal{ServiceReply::error(
            403, QStringLiteral("client_moved"),
            QStringLiteral("This client moved to another coordinator's caseload before this "
                           "change was made. The change was kept for the office to review."))};
    throw Refusal{
        ServiceReply::error(403, QStringLiteral("forbidden"),
                            QStringLiteral("change %1: this account may not change this record")
                                .arg(change.deviceSeq))};
}

void SyncService::checkActor(const QString &accountId, const PushChange &change,
                             const Target &target)
{
    // An author field names who writes it: a tablet cannot sign a note or a resolution in
    // another account's name.
    for (const FieldDef &fd : target.def->fields) {
        const QJsonValue v = change.edit.values.value(fd.name);
        if (fd.actor && !v.isUndefined() && !v.isNull() && v.toString() != accountId)
            throw Refusal{ServiceReply::error(
                403, QStringLiteral("forbidden"),
                QStringLiteral("change %1: %2 must name the account that makes the change")
                    .arg(change.deviceSeq)
                    .arg(fd.name))};
    }
}

void SyncService::checkReferences(const Caller &caller, const PushChange &change,
                                  const Target &target)
{
    const QString error =
        m_references.check(caller, *target.def, target.clientId,
                           target.current ? target.current->values : QJsonObject(), change.edit);
    if (!error.isEmpty())
        throw Refusal{
            ServiceReply::error(400, QStringLiteral("invalid_reference"),
                                QStringLiteral("change %1: %2").arg(change.deviceSeq).arg(error))};
}

/** The history's outcome for each field the change writes (see Provenance). */
Provenance SyncService::fieldOutcomes(const PushRun &run, const PushChange &change,
                                      const Target &target, const MergeResult &merged,
                                      Provenance provenance)
{
    // A refused change applied later says so on every field.
    if (provenance.outcome == HistoryOutcome::RefusedThenApplied)
        return provenance;
    for (const ConflictDraft &d : merged.conflicts)
        if (d.keptStamp == change.edit.stamp)
            for (const QString &field : d.field.split(QLatin1Char(',')))
                provenance.fieldOutcomes.insert(field, HistoryOutcome::ConflictWinner);
    const QString key = target.def->name + QLatin1Char('/') + change.edit.id + QLatin1Char('/');
    for (auto it = change.edit.values.begin(); it != change.edit.values.end(); ++it)
        if (run.resolving.contains(key + it.key()))
            provenance.fieldOutcomes.insert(it.key(), HistoryOutcome::Resolution);
    if (target.def->name == QLatin1String("conflict") && target.current &&
        target.current->text("status") == QLatin1String("open") &&
        change.edit.values.value(QStringLiteral("status")).toString() == QLatin1String("resolved"))
        provenance.outcome = HistoryOutcome::Resolution;
    return provenance;
}

void SyncService::noteResolved(const Edit &edit, QSet<QString> &fields)
{
    const EntityDef &conflictDef = *Schema::instance().entity(QStringLiteral("conflict"));
    if (edit.entity != conflictDef.name ||
        edit.values.value(QStringLiteral("status")).toString() != QLatin1String("resolved"))
        return;
    const std::optional<Record> conflict = m_store.load(conflictDef, edit.id);
    if (!conflict || conflict->text("status") != QLatin1String("open"))
        return;
    const QString key = conflict->text("recordEntity") + QLatin1Char('/') +
                        conflict->text("recordId") + QLatin1Char('/');
    for (const QString &field : conflict->text("field").split(QLatin1Char(',')))
        fields.insert(key + field);
}

QSet<QString> SyncService::resolvedFields(const QVector<Incoming> &changes)
{
    QSet<QString> fields;
    for (const Incoming &in : changes)
        if (in.reason.isEmpty())
            noteResolved(in.change.edit, fields);
    return fields;
}

QJsonObject SyncService::merge(PushRun &run, const PushChange &change, const Target &target,
                               const Provenance &provenance)
{
    const EntityDef &def = *target.def;
    MergeContext ctx;
    ctx.nowMillis = run.now;
    ctx.maxSkewMillis = m_maxSkewMillis;
    ctx.sealed = m_store.isSealed(
        def, target.current ? *target.current
                            : Record{def.name, change.edit.id, change.edit.values, {}});
    const MergeResult merged = mergeEdit(def, target.current, change.edit, ctx);
    if (merged.status != EditStatus::Held)
        run.writes.clock.observe(change.edit.stamp.hlc);
    // A record whose edit was kept aside is written again (a new seq) even when it did not
    // change: its author then pulls the server's value back over its own.
    const bool write = merged.changed || (target.current && !merged.conflicts.isEmpty());
    // Every check comes before the first write, so a change refused writes nothing (no
    // savepoint to roll back to: two statements fewer per change).
    const QByteArray json =
        write ? checkStored(change.deviceSeq, def, merged.record) : QByteArray();
    QVector<std::pair<Record, QByteArray>> conflicts;
    QSet<QString> opening;
    for (const ConflictDraft &d : merged.conflicts)
        if (std::optional<Record> c =
                conflictRecord(run, def, merged.record, target.clientId, d, opening))
            conflicts.append({*c, checkStored(change.deviceSeq, conflictDef(), *c)});
    if (write)
        m_store.write(run.writes, def, merged.record, target.clientId, target.current,
                      fieldOutcomes(run, change, target, merged, provenance), json);
    // The conflict records are the server's, opened in answer to the author's change.
    const Provenance opened{provenance.accountId, provenance.deviceId, HistoryOutcome::Admin};
    for (const auto &[c, cjson] : conflicts)
        m_store.write(run.writes, conflictDef(), c, target.clientId, std::nullopt, opened, cjson);
    QJsonObject result{{"deviceSeq", double(change.deviceSeq)},
                       {"status", editStatusName(merged.status)}};
    if (!merged.conflicts.isEmpty())
        result.insert(QStringLiteral("conflicts"), int(merged.conflicts.size()));
    return result;
}

const EntityDef &SyncService::conflictDef()
{
    static const EntityDef &def = *Schema::instance().entity(QStringLiteral("conflict"));
    return def;
}

std::optional<Record> SyncService::conflictRecord(PushRun &run, const EntityDef &def,
                                                  const Record &record, const QString &clientId,
                                                  const ConflictDraft &draft,
                                                  QSet<QString> &opening)
{
    const QString id = draft.conflictId(def.name, record.id);
    if (opening.contains(id) || m_store.load(conflictDef(), id))
        return std::nullopt;
    opening.insert(id);
    Record c;
    c.entity = conflictDef().name;
    c.id = id;
    c.values = QJsonObject{
        {"recordEntity", def.name},
        {"recordId", record.id},
        {"clientId", clientId.isEmpty() ? QJsonValue() : QJsonValue(clientId)},
        {"field", draft.field},
        {"kind", conflictKindName(draft.kind)},
        {"keptValue", QJsonObject{{"value", draft.keptValue}}},
        {"keptStamp", draft.keptStamp.toString()},
        {"otherValue", QJsonObject{{"value", draft.otherValue}}},
        {"otherStamp", draft.otherStamp.toString()},
        {"status", "open"},
    };
    // Who made each side, as the accounts say now (informative: a name may change later). A
    // side whose device the agency does not know, or that is no edit (a held edit's kept
    // side), names no one.
    if (!run.editors)
        run.editors.emplace(m_accounts);
    for (const auto &[field, side] :
         {std::pair{"keptBy", draft.keptStamp}, std::pair{"otherBy", draft.otherStamp}})
        if (const QString name = run.editors->of(side); !name.isEmpty())
            c.values.insert(QLatin1String(field), name);
    const Stamp stamp = run.writes.stamp();
    for (auto it = c.values.begin(); it != c.values.end(); ++it)
        c.stamps.insert(it.key(), stamp);
    return c;
}

void SyncService::finish(const Caller &caller, PushRun &run)
{
    m_accounts.setLastDeviceSeq(caller.deviceId, run.appliedThrough);
    m_store.finishWrites(run.writes);
}

QJsonObject SyncService::applyChange(PushRun &run, const Caller &as, const PushChange &change,
                                     const Provenance &author)
{
    // The steps that may refuse the change all run before its first write (see merge).
    const Target target = locate(change);
    validate(change, target);
    checkAccess(as, change, target);
    checkReferences(as, change, target);
    checkActor(author.accountId, change, target);
    return merge(run, change, target, author);
}

QJsonObject SyncService::decide(PushRun &run, const Caller &caller, const Incoming &in)
{
    if (!in.reason.isEmpty())
        return refuse(run, caller, in, in.reason, in.message);
    const ServerStore::Writes::Mark before = run.writes.mark();
    try {
        return applyChange(run, caller, in.change, {caller.accountId, caller.deviceId});
    } catch (const Refusal &refusal) {
        run.writes.rollBackTo(before);
        const QJsonObject error = refusal.reply.object();
        return refuse(run, caller, in, error.value(QStringLiteral("error")).toString(),
                      error.value(QStringLiteral("message")).toString());
    }
}

QJsonObject SyncService::refuse(PushRun &run, const Caller &caller, const Incoming &in,
                                const QString &reason, const QString &message)
{
    RefusedChange kept;
    kept.id = newUuid7();
    kept.deviceId = caller.deviceId;
    kept.deviceSeq = in.deviceSeq;
    kept.entity = in.raw.value(QStringLiteral("entity")).toString();
    kept.recordId = in.raw.value(QStringLiteral("id")).toString();
    kept.authorId = caller.accountId;
    kept.change = in.raw;
    kept.receivedAt = nowIso(run.now);
    kept.reason = reason;
    kept.message = message;
    kept.state = QStringLiteral("open");
    const EntityDef *def = Schema::instance().entity(kept.entity);
    std::optional<Record> current;
    if (def && def->replicated && RecordValidator::isUuid(kept.recordId)) {
        current = m_store.load(*def, kept.recordId, &kept.clientId);
        if (!current)
            kept.clientId = Record{
                def->name,
                kept.recordId,
                in.raw.value(QStringLiteral("values")).toObject(),
                {}}.clientId(*def);
    }
    if (!RecordValidator::isUuid(kept.clientId))
        kept.clientId.clear();
    m_review.keep(kept);
    // Its author pulls the server's value back over the refused one (when it may read it).
    if (current && m_policy.mayRead(caller, AccessTarget{def, kept.clientId, true}))
        m_store.touch(run.writes, *def, kept.recordId);
    return refusedResult(in.deviceSeq, reason, message, !current);
}

QJsonObject SyncService::resentResult(const Incoming &in,
                                      const QMap<qint64, RefusedChange> &refused)
{
    const auto it = refused.constFind(in.deviceSeq);
    if (it == refused.cend())
        return QJsonObject{{"deviceSeq", double(in.deviceSeq)}, {"status", "duplicate"}};
    // A change refused before (its reply lost): the same answer again.
    const EntityDef *def = Schema::instance().entity(it->entity);
    const bool stored = def && def->replicated && RecordValidator::isUuid(it->recordId) &&
                        m_store.load(*def, it->recordId).has_value();
    return refusedResult(in.deviceSeq, it->reason, it->message, !stored);
}

ServiceReply SyncService::push(const Caller &caller, const QJsonObject &body)
{
    QVector<Incoming> changes;
    if (auto refused = decodeBatch(caller, body, changes))
        return *refused;
    try {
        ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
        const ServerStore::ReadCache cache = m_store.cacheReads();
        QVector<QPair<const EntityDef *, QString>> targets;
        targets.reserve(changes.size());
        for (const Incoming &in : changes)
            if (in.reason.isEmpty())
                targets.append(
                    {Schema::instance().entity(in.change.edit.entity), in.change.edit.id});
        m_store.preload(targets);
        const qint64 lastSeq = m_accounts.lastDeviceSeq(caller.deviceId);
        PushRun run{lastSeq, lastSeq, m_store.startWrites(), m_wall(), {}, resolvedFields(changes)};
        QMap<qint64, RefusedChange> refusedBefore;
        if (!changes.isEmpty() && changes.first().deviceSeq <= lastSeq)
            refusedBefore = m_review.ofDevice(caller.deviceId, changes.first().deviceSeq, lastSeq);
        for (const Incoming &in : changes) {
            if (in.deviceSeq <= run.lastSeq) {
                run.results.append(resentResult(in, refusedBefore));
                continue;
            }
            checkSequence(run, in.deviceSeq);
            run.results.append(decide(run, caller, in));
            run.appliedThrough = in.deviceSeq;
        }
        finish(caller, run);
        if (m_beforeCommit)
            m_beforeCommit();
        tx.commit();
        return ServiceReply{200, QJsonObject{{"appliedThrough", double(run.appliedThrough)},
                                             {"results", run.results}}};
    } catch (const BatchRefusal &refusal) {
        return refusal.reply;
    }
}

QJsonObject SyncService::applyFromReview(ServerStore::Writes &writes, const Caller &as,
                                         const PushChange &change, const Provenance &author)
{
    PushRun run{0, 0, writes, m_wall(), {}, {}};
    try {
        QJsonObject result = applyChange(run, as, change, author);
        writes = run.writes;
        return result;
    } catch (const Refusal &refusal) {
        const QJsonObject error = refusal.reply.object();
        return refusedResult(change.deviceSeq, error.value(QStringLiteral("error")).toString(),
                             error.value(QStringLiteral("message")).toString(), false);
    }
}

ServiceReply SyncService::applyOffice(const Caller &office, QVector<Edit> edits)
{
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    PushRun run{0, 0, m_store.startWrites(), m_wall(), {}, {}};
    for (const Edit &edit : edits)
        noteResolved(edit, run.resolving);
    qint64 n = 0;
    for (Edit &edit : edits) {
        const EntityDef *def = Schema::instance().entity(edit.entity);
        if (!def || !def->replicated)
            return ServiceReply::error(400, QStringLiteral("invalid_change"),
                                       QStringLiteral("Unknown kind of record"));
        // What a person types in the console is checked as a tablet checks a local edit:
        // every field known, every value valid, the status step allowed.
        const std::optional<Record> current = m_store.load(*def, edit.id);
        const QString invalid = RecordValidator::checkEdit(
            *def, current ? current->values : QJsonObject(), edit.values, !current.has_value());
        if (!invalid.isEmpty())
            return ServiceReply::error(400, QStringLiteral("invalid_change"), invalid);
        edit.stamp = run.writes.stamp();
        try {
            run.results.append(applyChange(run, office, PushChange{++n, edit},
                                           Provenance{office.accountId, office.deviceId}));
        } catch (const Refusal &refusal) {
            return refusal.reply; // the transaction rolls back: nothing of the request stays
        }
    }
    m_store.finishWrites(run.writes);
    if (m_beforeCommit)
        m_beforeCommit();
    tx.commit();
    return ServiceReply{200, QJsonObject{{"results", run.results}}};
}

ServiceReply SyncService::pull(const Caller &caller, const QUrlQuery &query)
{
    // Strict: QUrlQuery and toLongLong would take " 0", "+5", an empty client= or a second
    // cursor=, each read one way here and maybe another by a proxy or a log reader.
    const auto refuse = [](const QString &message) {
        return ServiceReply::error(400, QStringLiteral("bad_request"), message);
    };
    const QString repeated = Protocol::repeatedItem(
        query, {QStringLiteral("cursor"), QStringLiteral("limit"), QStringLiteral("client")});
    if (!repeated.isEmpty())
        return refuse(QStringLiteral("%1 is given more than once").arg(repeated));
    const std::optional<qint64> cursor =
        Protocol::parseCount(query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded));
    if (!cursor)
        return refuse(QStringLiteral("cursor must be a non-negative integer (digits only)"));
    int limit = ProtocolLimits::kDefaultPullLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const std::optional<qint64> asked =
            Protocol::parseCount(query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded));
        if (!asked || *asked < 1 || *asked > ProtocolLimits::kMaxPullLimit)
            return refuse(QStringLiteral("limit must be between 1 and %1 (digits only)")
                              .arg(ProtocolLimits::kMaxPullLimit));
        limit = int(*asked);
    }
    const bool byClient = query.hasQueryItem(QStringLiteral("client"));
    const QString client = query.queryItemValue(QStringLiteral("client"), QUrl::FullyDecoded);
    if (byClient && !RecordValidator::isUuid(client))
        return refuse(QStringLiteral("client must be an id"));
    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    const qint64 top = m_store.maxSeq();
    if (*cursor > top)
        return ServiceReply::error(
            409, QStringLiteral("stale_cursor"),
            QStringLiteral("The cursor is ahead of the server (restored from a backup?): "
                           "pull again from 0"));
    if (byClient && !m_policy.mayReadClient(caller, client))
        return ServiceReply::error(403, QStringLiteral("forbidden"),
                                   QStringLiteral("This client is not on this account's caseload"));
    // The page is spliced from the stored JSON text (values and stamps are written by this
    // server, compact): decoding and encoding again cost more than the query itself.
    qint64 next = *cursor;
    const QVector<StoredRecord> rows =
        m_store.page(*cursor, limit, client, m_policy.readScope(caller));
    QByteArray out;
    out.reserve(rows.size() * 600 + 64);
    out.append(QByteArrayLiteral("{\"records\":["));
    bool full = false; // past kMaxPageBytes: the rest comes with the next page
    for (const StoredRecord &row : rows) {
        if (out.size() > ProtocolLimits::kMaxPageBytes) {
            full = true;
            break;
        }
        next = row.seq;
        if (out.back() != '[')
            out.append(',');
        out.append(QByteArrayLiteral("{\"entity\":"));
        Protocol::appendJsonString(out, row.entity);
        out.append(QByteArrayLiteral(",\"id\":"));
        Protocol::appendJsonString(out, row.id);
        out.append(QByteArrayLiteral(",\"seq\":"))
            .append(QByteArray::number(next))
            .append(QByteArrayLiteral(",\"values\":"))
            .append(storedObject(row.values))
            .append(QByteArrayLiteral(",\"stamps\":"))
            .append(storedObject(row.stamps))
            .append('}');
    }
    const bool hasMore = full || rows.size() == limit;
    if (!hasMore && client.isEmpty())
        next = qMax(next, top);
    out.append(QByteArrayLiteral("],\"nextCursor\":"))
        .append(QByteArray::number(next))
        .append(QByteArrayLiteral(",\"hasMore\":"))
        .append(hasMore ? QByteArrayLiteral("true") : QByteArrayLiteral("false"))
        .append(QByteArrayLiteral(",\"cursor\":"))
        .append(QByteArray::number(*cursor));
    if (byClient) {
        out.append(QByteArrayLiteral(",\"client\":"));
        Protocol::appendJsonString(out, client);
    }
    out.append('}');
    return ServiceReply{200, {}, out};
}

ServiceReply SyncService::conflicts(const Caller &caller, const QUrlQuery &query)
{
    const PageRequest page = PageRequest::parse(
        query, kConflictsPage, kConflictsPage,
        [](const QString &after) { return Protocol::parseCount(after).has_value(); },
        QStringLiteral("a sequence number (digits only)"));
    if (page.error)
        return *page.error;
    ServerStore::FieldQuery open{
        QStringLiteral("conflict"), {}, {}, QStringLiteral("status"), QStringLiteral("open")};
    open.afterSeq = page.after.isEmpty() ? 0 : *Protocol::parseCount(page.after);
    open.limit = page.limit + 1; // one more tells whether there is another page
    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    QVector<StoredRecord> rows = m_store.storedOf(open, m_policy.readScope(caller));
    const bool more = rows.size() > page.limit;
    if (more)
        rows.removeLast();
    QJsonArray out;
    for (const StoredRecord &row : rows)
        out.append(QJsonObject{{"entity", row.entity},
                               {"id", row.id},
                               {"seq", double(row.seq)},
                               {"values", fromJsonText(row.values)},
                               {"stamps", fromJsonText(row.stamps)}});
    return ServiceReply{
        200,
        QJsonObject{{"conflicts", out},
                    {"hasMore", more},
                    {"next", rows.isEmpty() ? QJsonValue() : QJsonValue(double(rows.last().seq))}}};
}

} // namespace careround
