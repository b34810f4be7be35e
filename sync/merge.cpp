#include "merge.h"

#include <QCryptographicHash>
#include <QStringList>

namespace careround {

namespace {

const QString kVoided = QStringLiteral("voided");
const QString kVoidReason = QStringLiteral("voidReason");

void setField(MergeResult &r, const QString &field, const QJsonValue &value, const Stamp &stamp)
{
    r.record.values.insert(field, value);
    r.record.stamps.insert(field, stamp);
    r.changed = true;
}

void worsen(MergeResult &r, EditStatus status)
{
    // Held and Sealed say more than Conflict, which says more than Applied.
    if (r.status == EditStatus::Applied || r.status == EditStatus::Duplicate ||
        (r.status == EditStatus::Conflict && status != EditStatus::Conflict))
        r.status = status;
}

} // namespace

QString conflictKindName(ConflictKind kind)
{
    switch (kind) {
    case ConflictKind::ConcurrentEdit:
        return QStringLiteral("concurrent_edit");
    case ConflictKind::VoidVsEdit:
        return QStringLiteral("void_vs_edit");
    case ConflictKind::Amendment:
        return QStringLiteral("amendment");
    case ConflictKind::FutureStamp:
        return QStringLiteral("future_stamp");
    }
    return {};
}

QString editStatusName(EditStatus status)
{
    switch (status) {
    case EditStatus::Applied:
        return QStringLiteral("applied");
    case EditStatus::Conflict:
        return QStringLiteral("conflict");
    case EditStatus::Sealed:
        return QStringLiteral("sealed");
    case EditStatus::Held:
        return QStringLiteral("held");
    case EditStatus::Duplicate:
        return QStringLiteral("duplicate");
    }
    return {};
}

QString ConflictDraft::conflictId(const QString &entity, const QString &recordId) const
{
    const Stamp &lo = keptStamp < otherStamp ? keptStamp : otherStamp;
    const Stamp &hi = keptStamp < otherStamp ? otherStamp : keptStamp;
    const QString key =
        QStringList{entity, recordId, field, conflictKindName(kind), lo.toString(), hi.toString()}
            .join(QLatin1Char('|'));
    QByteArray h = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).left(16);
    h[6] = char((h[6] & 0x0f) | 0x80); // version 8: a name-based id of our own
    h[8] = char((h[8] & 0x3f) | 0x80);
    const QByteArray hex = h.toHex();
    return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' +
                               hex.mid(16, 4) + '-' + hex.mid(20, 12));
}

MergeResult mergeEdit(const EntityDef &def, const std::optional<Record> &current, const Edit &edit,
                      const MergeContext &context)
{
    MergeResult r;
    if (current) {
        r.record = *current;
    } else {
        r.record.entity = def.name;
        r.record.id = edit.id;
    }

    // A stamp far ahead of the server's clock would win every later conflict: hold it.
    if (qint64(edit.stamp.hlc.millis()) > context.nowMillis + context.maxSkewMillis) {
        ConflictDraft c;
        c.kind = ConflictKind::FutureStamp;
        c.field = QStringList(edit.values.keys()).join(QLatin1Char(','));
        c.otherValue = edit.values;
        c.otherStamp = edit.stamp;
        r.conflicts.append(c);
        r.status = EditStatus::Held;
        return r;
    }

    if (def.isAppendOnly()) {
        if (current) {
            r.status = EditStatus::Duplicate;
            return r;
        }
        for (auto it = edit.values.begin(); it != edit.values.end(); ++it)
            setField(r, it.key(), it.value(), edit.stamp);
        return r;
    }

    QJsonObject values = edit.values;
    if (current) {
        bool seen = !values.isEmpty();
        for (auto it = values.begin(); it != values.end() && seen; ++it)
            seen = current->stamps.value(it.key()) == edit.stamp;
        if (seen) {
            r.status = EditStatus::Duplicate;
            return r;
        }
    }

    // Signed content never changes: what the edit would change becomes a proposal.
    if (context.sealed) {
        QJsonObject blocked, signedValues;
        for (auto it = values.begin(); it != values.end(); ++it) {
            const FieldDef *fd = def.field(it.key());
            // A new record under a signed parent is wholly a proposal: never half a record.
            if (!current || !fd || !fd->editableWhenSealed) {
                blocked.insert(it.key(), it.value());
                signedValues.insert(it.key(), r.record.values.value(it.key()));
            }
        }
        if (!blocked.isEmpty()) {
            ConflictDraft c;
            c.kind = ConflictKind::Amendment;
            c.field = QStringList(blocked.keys()).join(QLatin1Char(','));
            c.keptValue = signedValues;
            c.keptStamp = r.record.latestStamp();
            c.otherValue = blocked;
            c.otherStamp = edit.stamp;
            r.conflicts.append(c);
            worsen(r, EditStatus::Sealed);
            for (const QString &k : blocked.keys())
                values.remove(k);
        }
    }

    const bool isVoid = values.value(kVoided).toBool();
    if (isVoid && current && !current->isVoided()) {
        // A void whose author did not see some field's current value meets a concurrent edit.
        bool concurrent = false;
        for (auto it = current->stamps.cbegin(); it != current->stamps.cend() && !concurrent; ++it)
            if (it.key() != kVoided && it.key() != kVoidReason && it.value() != edit.stamp)
                concurrent = edit.bases.value(it.key()) != it.value();
        if (concurrent) {
            // The newest write that is not this void's own (a re-applied void finds the same).
            Stamp winner;
            for (auto it = current->stamps.cbegin(); it != current->stamps.cend(); ++it)
                if (it.value() != edit.stamp && winner < it.value())
                    winner = it.value();
            ConflictDraft c;
            c.kind = ConflictKind::VoidVsEdit;
            c.field = kVoided;
            c.keptValue = false;
            c.keptStamp = winner;
            c.otherValue = QJsonObject{{kVoided, true}, {kVoidReason, values.value(kVoidReason)}};
            c.otherStamp = edit.stamp;
            r.conflicts.append(c);
            worsen(r, EditStatus::Conflict);
            values.remove(kVoided);
            values.remove(kVoidReason);
            // The record stays live, said explicitly so both orders of arrival end alike.
            if (r.record.values.value(kVoided) != QJsonValue(false))
                setField(r, kVoided, false, winner);
            if (!r.record.values.value(kVoidReason).isNull())
                setField(r, kVoidReason, QJsonValue::Null, winner);
        }
    } else if (current && current->isVoided() && !values.isEmpty() && !values.contains(kVoided)) {
        // An edit made without seeing the void: keep the edit, bring the record back, and keep
        // the void for a person to confirm.
        ConflictDraft c;
        c.kind = ConflictKind::VoidVsEdit;
        c.field = kVoided;
        c.keptValue = false;
        c.keptStamp = edit.stamp;
        c.otherValue =
            QJsonObject{{kVoided, true}, {kVoidReason, current->values.value(kVoidReason)}};
        c.otherStamp = current->stamps.value(kVoided);
        r.conflicts.append(c);
        worsen(r, EditStatus::Conflict);
        setField(r, kVoided, false, edit.stamp);
        setField(r, kVoidReason, QJsonValue::Null, edit.stamp);
    }

    for (auto it = values.begin(); it != values.end(); ++it) {
        const Stamp cur = current ? current->stamps.value(it.key()) : Stamp{};
        const Stamp base = edit.bases.value(it.key());
        if (cur.isNull() || base == cur) {
            setField(r, it.key(), it.value(), edit.stamp);
            continue;
        }
        if (cur == edit.stamp)
            continue;
        // Concurrent edits of one field: the greater stamp wins everywhere; the other value
        // is kept in a conflict record.
        ConflictDraft c;
        c.kind = ConflictKind::ConcurrentEdit;
        c.field = it.key();
        if (cur < edit.stamp) {
            c.keptValue = it.value();
            c.keptStamp = edit.stamp;
            c.otherValue = current->values.value(it.key());
            c.otherStamp = cur;
            setField(r, it.key(), it.value(), edit.stamp);
        } else {
            c.keptValue = current->values.value(it.key());
            c.keptStamp = cur;
            c.otherValue = it.value();
            c.otherStamp = edit.stamp;
        }
        r.conflicts.append(c);
        worsen(r, EditStatus::Conflict);
    }
    return r;
}

Record applyPulled(const std::optional<Record> &local, const Record &pulled,
                   const QSet<QString> &pendingFields)
{
    // The server's record is the truth, including for fields it does not have: an edit the
    // server kept aside (a conflict, an amendment) must not stay current here.
    Record r = pulled;
    if (local) {
        for (const QString &field : pendingFields) {
            if (local->values.contains(field))
                r.values.insert(field, local->values.value(field));
            if (local->stamps.contains(field))
                r.stamps.insert(field, local->stamps.value(field));
        }
    }
    return r;
}

} // namespace careround
