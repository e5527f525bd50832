import ZoneLedgerCommands

ZoneLedger.runMain()
