import numpy as np
from rdkit import Chem
from rdkit.Chem import rdFingerprintGenerator

_GEN = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=2048)


def count_fingerprint(smiles):
    mol = Chem.MolFromSmiles(smiles)
    fp = _GEN.GetCountFingerprintAsNumPy(mol).astype(np.float32)
    return np.log1p(fp)


def featurize_all(smiles_list):
    return np.stack([count_fingerprint(s) for s in smiles_list])
