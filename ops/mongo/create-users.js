// Runs once, when the official mongo image initialises an empty volume (docker-entrypoint-initdb.d),
// as the root user it creates from MONGO_INITDB_ROOT_*. Each service gets a user that may read and
// write its own database only: a service never reads another's read models or audit trail.
const services = [
  ['interview-service', 'interview', process.env.MONGO_INTERVIEW_PASSWORD],
  ['rectification-service', 'rectification', process.env.MONGO_RECTIFICATION_PASSWORD],
  ['audit-service', 'audit', process.env.MONGO_AUDIT_PASSWORD],
];
for (const [user, database, password] of services) {
  if (!password) {
    throw new Error('no password for ' + user + ' (run scripts/compose-secrets.sh)');
  }
  db.getSiblingDB('admin').createUser({ user, pwd: password, roles: [{ role: 'readWrite', db: database }] });
}
