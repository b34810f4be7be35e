#pragma once

#include "localeditor.h"

#include <QJsonValue>
#include <QVector>

namespace careround {

/**
 * The conflicts sync could not settle alone, and their resolution. Resolving is an ordinary
 * local edit (so it syncs like any other): the chosen value is written to the record's field
 * and the conflict record is marked resolved, with who chose what and when.
 */
class ConflictResolver {
public:
    explicit ConflictResolver(DeviceStore &store, LocalEditor &editor)
        : m_store(store), m_editor(editor)
    {}

    /** Open conflicts, oldest first. */
    QVector<Record> open();

    enum class Choice {
        Kept,   ///< keep the value that is current now
        Other,  ///< take the other value (the one sync kept aside)
        Merged, ///< a value a person wrote
    };
    /**
     * Resolves a conflict. For a concurrent edit the value goes into the record's field; for
     * a void that met an edit, Other voids the record; an amendment to signed content cannot
     * be applied to it (Other is refused): it is acknowledged and stays on file.
     * Throws StoreError (invalid value, sealed record) and then writes nothing.
     */
    void resolve(const QString &conflictId, Choice choice, const QJsonValue &merged = {});

private:
    DeviceStore &m_store;
    LocalEditor &m_editor;
};

} // namespace careround
