"""Scaffold-grouped, label-stratified train/valid/test assignment."""
import numpy as np
from rdkit import Chem
from rdkit.Chem.Scaffolds import MurckoScaffold
from sklearn.model_selection import StratifiedGroupKFold


def scaffolds(smiles):
    return np.array([
        MurckoScaffold.MurckoScaffoldSmiles(mol=Chem.MolFromSmiles(s), includeChirality=False) for s in smiles
    ])


def stratified_scaffold_split(smiles, labels, seed, n_folds=10):
    """Fold 0 -> test, fold 1 -> valid, rest -> train (each fold ~10%)."""
    groups = scaffolds(smiles)
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    fold_of = np.empty(len(labels), dtype=int)
    for k, (_, idx) in enumerate(sgkf.split(np.zeros(len(labels)), labels, groups)):
        fold_of[idx] = k
    return np.where(fold_of >= 2)[0], np.where(fold_of == 1)[0], np.where(fold_of == 0)[0]
