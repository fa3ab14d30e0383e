"""Compound features for the kinase panel model."""
import numpy as np
import pandas as pd
from rdkit import Chem
from rdkit.Chem import Descriptors, rdFingerprintGenerator

_morgan = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=1024)
PHYSCHEM = ["MolWt", "MolLogP", "TPSA", "NumHDonors", "NumHAcceptors", "NumRotatableBonds", "FractionCSP3"]
_fns = dict(Descriptors.descList)


def compound_table(smiles_by_key: pd.Series) -> pd.DataFrame:
    """One row per unique compound (index = InChIKey)."""
    rows = {}
    for key, smi in smiles_by_key.items():
        mol = Chem.MolFromSmiles(smi)
        fp = _morgan.GetFingerprintAsNumPy(mol).astype(np.uint8)
        phys = [_fns[name](mol) for name in PHYSCHEM]
        rows[key] = np.concatenate([fp, phys])
    cols = [f"ecfp_{i}" for i in range(1024)] + PHYSCHEM
    return pd.DataFrame.from_dict(rows, orient="index", columns=cols)


def to_pic50(ic50_nM: pd.Series) -> pd.Series:
    return 9.0 - np.log10(ic50_nM.clip(lower=1e-3))
