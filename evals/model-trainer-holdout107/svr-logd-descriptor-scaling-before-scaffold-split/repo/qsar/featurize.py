"""RDKit descriptor featurisation for the lipophilicity QSAR models."""
from __future__ import annotations

import logging

import numpy as np
import pandas as pd
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

RDLogger.DisableLog("rdApp.*")
log = logging.getLogger(__name__)

DESCRIPTOR_FNS = dict(Descriptors.descList)


def is_valid_smiles(smiles: str) -> bool:
    return Chem.MolFromSmiles(smiles) is not None


def compute_descriptors(smiles_list, names=None) -> pd.DataFrame:
    """One row of RDKit 2D descriptors per SMILES; failures become NaN."""
    names = names or list(DESCRIPTOR_FNS)
    rows = []
    for smi in smiles_list:
        mol = Chem.MolFromSmiles(smi)
        if mol is None:
            rows.append([np.nan] * len(names))
            continue
        row = []
        for name in names:
            try:
                row.append(float(DESCRIPTOR_FNS[name](mol)))
            except Exception:
                row.append(np.nan)
        rows.append(row)
    df = pd.DataFrame(rows, columns=names)
    return df.replace([np.inf, -np.inf], np.nan)


def prepare_descriptor_matrix(desc: pd.DataFrame, max_missing: float = 0.2):
    """Drop sparse and constant descriptors, then median-impute and standardise."""
    n_total = desc.shape[1]
    desc = desc.loc[:, desc.isna().mean() <= max_missing]
    desc = desc.loc[:, desc.std() > 1e-8]
    imputer = SimpleImputer(strategy="median")
    scaler = StandardScaler()
    X = scaler.fit_transform(imputer.fit_transform(desc.values))
    log.info("kept %d / %d descriptors", desc.shape[1], n_total)
    return X, list(desc.columns), (imputer, scaler)
