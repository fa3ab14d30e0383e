"""Tox21 SR-p53 classifier: Morgan + MACCS fingerprints, SMOTE + LightGBM tuned by stratified CV."""
import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from lightgbm import LGBMClassifier
from rdkit import Chem, RDLogger
from rdkit.Chem import MACCSkeys, rdFingerprintGenerator
from scipy.stats import loguniform, randint
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, matthews_corrcoef, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, cross_val_predict, train_test_split

RDLogger.DisableLog("rdApp.*")
SEED = 21
TASK = "SR-p53"
MORGAN = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=1024)


def fingerprint(smi):
    mol = Chem.MolFromSmiles(smi)
    if mol is None:
        return None
    return np.concatenate([MORGAN.GetFingerprintAsNumPy(mol), np.array(MACCSkeys.GenMACCSKeys(mol))]).astype(np.uint8)


tox = pd.read_csv("data/tox21.csv.gz")[["smiles", TASK]].dropna()
fps = tox["smiles"].map(fingerprint)
tox, fps = tox[fps.notna()], fps[fps.notna()]
X, y = np.stack(fps.to_list()), tox[TASK].astype(int).to_numpy()
print(f"{len(y)} compounds, {y.mean():.3%} active")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

pipe = Pipeline([
    ("smote", SMOTE(random_state=SEED)),
    ("gbm", LGBMClassifier(n_estimators=400, random_state=SEED, verbose=-1)),
])
space = {
    "smote__sampling_strategy": [0.2, 0.35, 0.5],
    "smote__k_neighbors": randint(3, 10),
    "gbm__learning_rate": loguniform(0.01, 0.2),
    "gbm__num_leaves": randint(15, 127),
    "gbm__min_child_samples": randint(5, 60),
    "gbm__colsample_bytree": [0.2, 0.4, 0.7],
}
search = RandomizedSearchCV(pipe, space, n_iter=40, scoring="average_precision", cv=cv,
                            random_state=SEED, n_jobs=-1, refit=True)
search.fit(X_train, y_train)
print("CV PR-AUC", round(search.best_score_, 4), search.best_params_)

# operating threshold from out-of-fold training predictions (F1-optimal)
oof = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
grid = np.linspace(0.02, 0.9, 89)
threshold = float(grid[np.argmax([f1_score(y_train, oof >= t) for t in grid])])

baselines = {
    "prior": DummyClassifier(strategy="prior").fit(X_train, y_train),
    "logreg_balanced": LogisticRegression(C=0.1, class_weight="balanced", max_iter=2000).fit(X_train, y_train),
}
report = {"threshold": threshold}
for name, model in {**baselines, "smote_lgbm": search.best_estimator_}.items():
    p = model.predict_proba(X_test)[:, 1]
    report[name] = {"roc_auc": roc_auc_score(y_test, p), "pr_auc": average_precision_score(y_test, p),
                    "f1@thr": f1_score(y_test, p >= threshold), "mcc@thr": matthews_corrcoef(y_test, p >= threshold)}
print(json.dumps(report, indent=2, default=float))
