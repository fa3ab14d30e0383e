STAGES = ["Wake", "N1", "N2", "N3", "REM"]
