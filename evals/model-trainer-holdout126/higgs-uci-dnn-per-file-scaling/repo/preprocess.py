import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

LOW_LEVEL = [
    "lepton_pT", "lepton_eta", "lepton_phi", "missing_energy_magnitude", "missing_energy_phi",
    "jet1_pt", "jet1_eta", "jet1_phi", "jet1_btag", "jet2_pt", "jet2_eta", "jet2_phi", "jet2_btag",
    "jet3_pt", "jet3_eta", "jet3_phi", "jet3_btag", "jet4_pt", "jet4_eta", "jet4_phi", "jet4_btag",
]
HIGH_LEVEL = ["m_jj", "m_jjj", "m_lv", "m_jlv", "m_bb", "m_wbb", "m_wwbb"]
COLUMNS = ["label"] + LOW_LEVEL + HIGH_LEVEL

MOMENTUM_LIKE = [c for c in LOW_LEVEL if c.endswith(("_pT", "_pt", "_magnitude"))] + HIGH_LEVEL


def read_higgs(path):
    return pd.read_csv(path, header=None, names=COLUMNS)


def prepare(df):
    """Log-compress the momentum / mass features and standardize everything."""
    X = df[LOW_LEVEL + HIGH_LEVEL].copy()
    X[MOMENTUM_LIKE] = np.log1p(X[MOMENTUM_LIKE])
    scaler = StandardScaler()
    X_std = scaler.fit_transform(X.to_numpy(np.float32))
    return X_std.astype(np.float32), df["label"].to_numpy(np.float32), scaler
