import numpy as np
import pandas as pd

LOGS = ["GR", "RHOB", "NPHI", "DTC", "PEF", "RDEP", "RMED", "CALI"]
TARGET = "LITHO"
LITHO_NAMES = ["sandstone", "shale", "sandstone/shale", "limestone", "marl", "chalk", "other"]


def read_wells(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=LOGS + [TARGET])
    for c in ["RDEP", "RMED"]:
        df[c] = np.log10(df[c].clip(lower=0.05))
    # bad hole: density unreliable where caliper reads > 1.5 in over bit
    df = df[(df["CALI"] - df["BS"]).abs() < 1.5]
    return df.reset_index(drop=True)
