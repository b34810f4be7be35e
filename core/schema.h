#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace careround {

/** The type of a field's value, as stored, validated and put on the wire. */
enum class FieldType {
    Text,      ///< UTF-8 string
    Integer,   ///< 64-bit integer
    Real,      ///< double
    Boolean,   ///< true/false (stored 0/1)
    Date,      ///< "YYYY-MM-DD"
    DateTime,  ///< ISO 8601 with offset or Z, e.g. "2026-11-22T09:30:00Z"
    Reference, ///< the id (UUID) of another record
    TextList,  ///< a JSON array of strings
    Json,      ///< a JSON object or array kept as is (signature strokes)
};

/** How concurrent changes to records of a kind are merged (DESIGN.md section 3). */
enum class MergeClass {
    FieldMergeable, ///< per-field merge with base stamps; can be voided
    AppendOnly,     ///< written once, never edited; merge is set union
};

/** Who sees and changes records of a kind on the agency server (its AccessPolicy). */
enum class Audience {
    Caseload,    ///< belongs to a client (clientField): the client's coordinators and supervisors
    Agency,      ///< agency-wide and shared (the resource directory): every account
    Staff,       ///< agency-wide, written by the server only (the accounts): every account reads
    Supervisors, ///< written by the server only, read by supervisors only (the devices)
};

/** One field of a record kind. */
struct FieldDef {
    QString name;
    FieldType type = FieldType::Text;
    bool required = false;
    QStringList allowed; ///< for an enumerated Text field: the allowed values
    QString references;  ///< for a Reference: the entity it points at
    /**
     * For a Text field holding the id of a record whose kind another field of the same record
     * names (a signature's recordId, named by recordEntity): that field.
     */
    QString kindField;
    double minimum = 0, maximum = 0; ///< for numbers, when minimum < maximum
    int since = 1;                   ///< the schema version that added the field
    bool editableWhenSealed = false; ///< may change after the record (or its parent) is signed
    bool actor = false; ///< names the account that writes it (an author): no one else's id

    FieldDef &req()
    {
        required = true;
        return *this;
    }
    FieldDef &oneOf(QStringList values)
    {
        allowed = std::move(values);
        return *this;
    }
    FieldDef &range(double lo, double hi)
    {
        minimum = lo;
        maximum = hi;
        return *this;
    }
    FieldDef &from(int version)
    {
        since = version;
        return *this;
    }
    FieldDef &kindIn(const QString &field)
    {
        kindField = field;
        return *this;
    }
    FieldDef &afterSeal()
    {
        editableWhenSealed = true;
        return *this;
    }
    FieldDef &byActor()
    {
        actor = true;
        return *this;
    }
};

/** One kind of record: its table, fields, merge class, status rules and sealing. */
struct EntityDef {
    QString name;  ///< wire name and table name, e.g. "carePlan"
    QString label; ///< for people, e.g. "care plan"
    MergeClass merge = MergeClass::FieldMergeable;
    QString clientField;      ///< the field naming the client it belongs to, or empty
    QVector<FieldDef> fields; ///< user fields (plus voided/voidReason when mergeable)
    QString statusField;      ///< the field whose changes are checked against transitions
    QHash<QString, QStringList> transitions; ///< status -> statuses it may move to
    bool signable = false;                   ///< a signature seals it
    QString sealedVia;      ///< field referencing the signable parent whose signature seals it
    bool replicated = true; ///< false: stays on the device (the local audit log)
    int since = 1;          ///< the schema version that added the kind

    /** Who may see and change it on the server: Caseload exactly when clientField is set. */
    Audience audience = Audience::Caseload;
    /** On the client kind: the field naming the coordinator whose caseload holds the client. */
    QString caseloadField;

    const FieldDef *field(const QString &fieldName) const;
    /** The label in the language the tablet shows (label is the English, for logs and wire). */
    QString labelText() const;
    /** The fields naming another record: Reference fields and those with a kindField. */
    QVector<const FieldDef *> referenceFields() const;
    bool isAppendOnly() const { return merge == MergeClass::AppendOnly; }
    /** True when a status may move from one value to another (same value always may). */
    bool allowsTransition(const QString &from, const QString &to) const;
};

/**
 * The one description of every record kind. It drives the tables and their migrations,
 * change capture, validation and the wire encoding.
 */
class Schema {
public:
    static const Schema &instance();
    /** The current schema version (PRAGMA user_version of an up-to-date store). */
    int version() const { return m_version; }
    const QVector<EntityDef> &entities() const { return m_entities; }
    const EntityDef *entity(const QString &name) const;
    /** The definition of a kind the code itself names (one the schema has). */
    static const EntityDef &kind(const QString &name) { return *instance().entity(name); }

private:
    Schema();
    int m_version = 1;
    QVector<EntityDef> m_entities;
    QHash<QString, int> m_index;
};

QString fieldTypeName(FieldType type);

} // namespace careround
