"""RDKit featurisation helpers for molecular property models."""
from collections import defaultdict

import numpy as np
import pandas as pd
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors
from rdkit.Chem.Scaffolds import MurckoScaffold

RDLogger.DisableLog("rdApp.*")
DESCRIPTOR_FNS = dict(Descriptors.descList)


def descriptor_frame(smiles: pd.Series) -> pd.DataFrame:
    rows = []
    for smi in smiles:
        mol = Chem.MolFromSmiles(smi)
        if mol is None:
            rows.append({name: np.nan for name in DESCRIPTOR_FNS})
            continue
        row = {}
        for name, fn in DESCRIPTOR_FNS.items():
            try:
                row[name] = fn(mol)
            except Exception:
                row[name] = np.nan
        rows.append(row)
    df = pd.DataFrame(rows, index=smiles.index)
    return df.replace([np.inf, -np.inf], np.nan)


def murcko_scaffold(smi: str) -> str:
    mol = Chem.MolFromSmiles(smi)
    if mol is None:
        return smi
    return MurckoScaffold.MurckoScaffoldSmiles(mol=mol, includeChirality=False)


def scaffold_split(smiles: pd.Series, frac_test: float = 0.2):
    """Deterministic Bemis-Murcko split: largest scaffold sets go to train."""
    groups = defaultdict(list)
    for i, smi in zip(smiles.index, smiles):
        groups[murcko_scaffold(smi)].append(i)
    ordered = sorted(groups.values(), key=lambda idx: (len(idx), idx[0]), reverse=True)
    n_train = int((1 - frac_test) * len(smiles))
    train_idx, test_idx = [], []
    for idx in ordered:
        (train_idx if len(train_idx) + len(idx) <= n_train else test_idx).extend(idx)
    return np.array(train_idx), np.array(test_idx)
