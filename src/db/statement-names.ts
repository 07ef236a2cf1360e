// Names for the statements the app sends PostgreSQL, so that each connection parses and plans a statement once.
//
// An unnamed statement is parsed and analysed by the server every time it is sent. Prisma's PostgreSQL adapter
// names a statement when given a name for it (its documented `statementNameGenerator` option); the pg driver then
// sends the text once per connection and afterwards only the name and the parameters. The same text always gets
// the same name, and one name never stands for two texts (the driver refuses that). Each named statement stays
// prepared on its connection, in the app and on the server, for as long as the connection lives: so only the
// first texts seen are named, up to a bound that the ORM's few dozen shapes stay far below, and the rest (an
// `IN (…)` list of a new length, a one-off query of the command line) go unnamed as before.
const NAMED = 200;

export function statementNames(max = NAMED): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `incident_desk_${names.size + 1}`;
      names.set(sql, name);
    }
    // An empty name is the driver's unnamed statement.
    return name ?? "";
  };
}
