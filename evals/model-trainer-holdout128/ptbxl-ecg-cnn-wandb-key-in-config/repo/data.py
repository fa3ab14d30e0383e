import ast

import numpy as np
import pandas as pd
import wfdb

SUPERCLASSES = ["NORM", "MI", "STTC", "CD", "HYP"]


def load_ptbxl(root, sampling_rate=100):
    meta = pd.read_csv(f"{root}/ptbxl_database.csv", index_col="ecg_id")
    meta["scp_codes"] = meta["scp_codes"].apply(ast.literal_eval)
    scp = pd.read_csv(f"{root}/scp_statements.csv", index_col=0)
    scp = scp[scp["diagnostic"] == 1]

    def to_super(codes):
        return sorted({scp.loc[c, "diagnostic_class"] for c in codes if c in scp.index})

    meta["superclass"] = meta["scp_codes"].apply(to_super)
    meta = meta[meta["superclass"].map(len) > 0]

    col = "filename_lr" if sampling_rate == 100 else "filename_hr"
    X = np.stack([wfdb.rdsamp(f"{root}/{f}")[0] for f in meta[col]]).astype(np.float32)
    Y = np.array([[c in s for c in SUPERCLASSES] for s in meta["superclass"]], dtype=np.float32)
    return X, Y, meta["strat_fold"].to_numpy()
