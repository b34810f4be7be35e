#pragma once

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace careround {

class LocalEditor;

/**
 * A realistic, made-up home-care agency, generated deterministically from a seed: coordinators,
 * a resource directory of providers with ratings, and clients with everything a coordinator
 * keeps about them (contacts and caregivers, assessments with instrument answers, care plans
 * with SMART goals, action steps and contingencies, referrals, benefit applications,
 * appointments, visits and their notes, follow-ups, complaints with actions, satisfaction
 * responses and signatures). Dates are relative to a given "today".
 *
 * Records are handed to a sink that creates each one and returns its id: on a device that is
 * LocalEditor::create, on the agency server its own writer. Every value passes the schema's
 * validation. The same seed and options give the same values (ids are the sink's business).
 * Generation is linear in clientCount and keeps only one client's records in memory, so it
 * serves the benchmarks with 100,000 clients as well as the 40-client demo.
 */
class DemoAgency {
public:
    /** Creates one record of a kind and returns its id. May throw (StoreError). */
    using Sink = std::function<QString(const QString &entity, const QJsonObject &values)>;

    struct Options {
        quint64 seed = 20261122;
        int clientCount = 40;
        /** Coordinators carrying the caseload; 0: one per 40 clients, at least 2. */
        int coordinatorCount = 0;
        bool withSupervisor = true;
        /** Providers in the resource directory; 0: scales with clientCount (18 to 2,000). */
        int providerCount = 0;
        QDate today = QDate::currentDate();
        /**
         * When set, signatures are made with LocalEditor::sign (which hashes the content as
         * stored). Otherwise a signature record is created through the sink, bound to the
         * same hash: contentHash() over the values generated.
         */
        LocalEditor *signer = nullptr;
        /** Called after each client with the number of clients done (progress, batching). */
        std::function<void(int done)> onClientDone;
    };

    /** What was created: counts per record kind and the ids of coordinators and clients. */
    struct Summary {
        QHash<QString, int> created;
        QStringList coordinatorIds;
        QStringList clientIds;
        int total() const;
    };

    /** Generates the agency through the sink. */
    static Summary generate(const Sink &sink, const Options &options);
    /** Convenience for a device store: creates (and signs) through the editor. */
    static Summary generate(LocalEditor &editor, Options options);

    /** The passphrase of demo stores created by `careround --demo`. */
    static QString demoPassphrase() { return QStringLiteral("demo"); }
    /** The demo agency's name (the server's seed-demo, the tablet's demo store). */
    static QString agencyName() { return QStringLiteral("Riverside Home Care (demo)"); }
};

} // namespace careround
