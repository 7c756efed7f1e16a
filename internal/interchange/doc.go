// Package interchange reads and writes the files Tilmash exchanges with CAT tools and other
// systems: editions as XLIFF 1.2 and 2.1, the translation memory as TMX 1.4b, the termbase as TBX.
//
// Readers refuse hostile XML (DOCTYPE and entities, oversized input, deep nesting) before
// anything else looks at a file. The parts that need storage work through small interfaces
// (EditionStore, MemoryStore), and every text a person brings back in a file reaches its segment
// the way a workbench save does: through the store's segment save, with the checks run on it and
// the version the export carried, so that nothing is overwritten silently. The domain rule that
// decides what happens to an imported unit is pipeline.DecideImport.
package interchange
