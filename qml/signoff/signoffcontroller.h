#pragma once

#include "keyedlistmodel.h"
#include "screencontroller.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Backs the sign-off screen of an assessment, care plan or visit: shows exactly what a
 * signature covers (the record and the children its content hash includes, as text), signs
 * through LocalEditor::sign, then shows the record sealed: who signed, when. A change after
 * signing is proposed as an amendment (an open conflict record of kind "amendment") for a
 * supervisor to settle.
 */
class SignOffController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString recordEntity READ recordEntity WRITE setRecordEntity NOTIFY recordChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordChanged)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QString kindLabel READ kindLabel NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString clientName READ clientName NOTIFY changed)
    Q_PROPERTY(QString contentText READ contentText NOTIFY changed)
    Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY changed)
    Q_PROPERTY(bool sealed READ sealed NOTIFY changed)
    Q_PROPERTY(QString signedBy READ signedBy NOTIFY changed)
    Q_PROPERTY(QString signedAtText READ signedAtText NOTIFY changed)
    Q_PROPERTY(QString sealedText READ sealedText NOTIFY changed)
    Q_PROPERTY(QJsonArray signedStrokes READ signedStrokes NOTIFY changed)
    Q_PROPERTY(QVariantList amendableFields READ amendableFields NOTIFY changed)
    Q_PROPERTY(careround::KeyedListModel *amendments READ amendments CONSTANT)
    Q_PROPERTY(QString noticeText READ noticeText NOTIFY changed)

public:
    explicit SignOffController(QObject *parent = nullptr);

    /** "assessment", "carePlan" or "visit"; empty: found from the id. */
    QString recordEntity() const { return m_entity; }
    void setRecordEntity(const QString &entity);
    QString recordId() const { return m_id; }
    void setRecordId(const QString &id);

    bool found() const { return m_found; }
    /** "Care plan", "Assessment", "Visit record". */
    QString kindLabel() const { return m_kindLabel; }
    QString title() const { return m_title; }
    QString clientName() const { return m_clientName; }
    /** The record and its children, as the person signing reads them. */
    QString contentText() const { return m_content; }
    /** The start of the content hash: signed, the hash the signature holds. */
    QString fingerprint() const { return m_fingerprint; }
    bool sealed() const { return m_sealed; }
    /** "Mary Jones (client)". */
    QString signedBy() const { return m_signedBy; }
    QString signedAtText() const { return m_signedAt; }
    QString sealedText() const;
    QJsonArray signedStrokes() const { return m_strokes; }
    /** Maps {field, label, current}: what an amendment may propose to change. */
    QVariantList amendableFields() const { return m_fields; }
    /** Rows: conflictId, change, status, statusText. */
    KeyedListModel *amendments() const { return m_amendments; }
    QString noticeText() const { return m_notice; }

    /** Signs with the pad's strokes; relationship is "client" or "representative". */
    Q_INVOKABLE bool sign(const QString &signerName, const QString &relationship,
                          const QJsonArray &strokes);
    /** Records a proposed change of a field (empty: described in the text) of a sealed record. */
    Q_INVOKABLE bool proposeAmendment(const QString &field, const QString &text);

    /** The people's form of a field name ("reviewDate" -> "Review date"). */
    static QString fieldLabel(const QString &field);

signals:
    void recordChanged();
    void changed();

protected:
    void load() override;

private:
    bool fail(const QString &message);

    QString m_entity, m_id, m_resolvedEntity;
    bool m_found = false, m_sealed = false;
    QString m_kindLabel, m_title, m_clientName, m_clientId, m_content, m_fingerprint;
    QString m_signedBy, m_signedAt, m_notice;
    QJsonArray m_strokes;
    QVariantList m_fields;
    KeyedListModel *m_amendments;
};

} // namespace careround
