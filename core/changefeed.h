#pragma once

#include <QObject>
#include <QStringList>

namespace careround {

/**
 * What one committed change to the device store touched: the record kinds, the records and
 * the client they belong to, and where it came from. A screen compares it with the kinds and
 * the client it shows (touches()) and updates only then.
 */
struct Change {
    enum class Origin {
        LocalEdit, ///< an edit made on this tablet (LocalEditor), one transaction
        Pull,      ///< records a sync received from the agency server
        Display,   ///< nothing stored changed, how it is shown did (the language): reload
    };
    Origin origin = Origin::LocalEdit;
    QStringList kinds;     ///< entity names written; empty: every kind (a wipe)
    QStringList recordIds; ///< the records written; empty: any record of those kinds
    QString clientId;      ///< the client they belong to; empty: any client, or none

    /** True when the change may alter what a screen showing these kinds of this client
        (empty clientId: of every client) reads. */
    bool touches(const QStringList &watchedKinds, const QString &watchedClient = {}) const;
    /** True when it may alter records of this kind. */
    bool touchesKind(const QString &kind) const { return kinds.isEmpty() || kinds.contains(kind); }
    /** True when it may alter this record (of one of its kinds). */
    bool touchesRecord(const QString &id) const
    {
        return recordIds.isEmpty() || recordIds.contains(id);
    }
    /** Everything may have changed: a wipe, a store taken over. */
    static Change everything(Origin origin);
};

/**
 * The device store's change notification: every committed change is published once, after its
 * transaction, on the thread of the store's owner. LocalEditor publishes each edit; the session
 * publishes what a sync run received. Cheap when nobody listens (one signal emission).
 */
class ChangeFeed : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void publish(const Change &change) { emit changed(change); }

signals:
    void changed(const careround::Change &change);
};

} // namespace careround

Q_DECLARE_METATYPE(careround::Change)
