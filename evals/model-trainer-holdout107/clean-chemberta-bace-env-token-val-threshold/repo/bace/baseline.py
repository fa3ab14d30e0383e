"""ECFP4 + logistic regression reference model."""
import numpy as np
from rdkit import Chem
from rdkit.Chem import rdFingerprintGenerator
from sklearn.linear_model import LogisticRegressionCV

_gen = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=2048)


def ecfp(smiles):
    return np.stack([_gen.GetFingerprintAsNumPy(Chem.MolFromSmiles(s)) for s in smiles]).astype(np.float32)


def fit_logreg(smiles_train, y_train, seed):
    clf = LogisticRegressionCV(Cs=10, cv=5, scoring="roc_auc", max_iter=5000, random_state=seed)
    return clf.fit(ecfp(smiles_train), y_train)
