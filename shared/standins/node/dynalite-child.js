// Runs dynalite (same command-line options) as the child of a Java process, and exits as soon as that parent is
// gone — also after a kill -9 of the JVM, which runs no shutdown hook — so no orphan keeps the port or the LevelDB
// lock of the data directory.
'use strict';
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 250);
require('dynalite/cli.js');
