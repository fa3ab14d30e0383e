import logging

import lightgbm as lgb
import pandas as pd
import yaml
from imblearn.over_sampling import RandomOverSampler
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import StratifiedKFold

from boards.features import make_features
from boards.evaluate import cv_scores

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("boards")

cfg = yaml.safe_load(open("params.yaml"))
raw = pd.read_csv(cfg["data"])
X = make_features(raw.drop(columns=[cfg["target"]]))
y = raw[cfg["target"]]
log.info("failure rate %.3f over %d boards", y.mean(), len(y))

# failures are rare (~4%), balance before modelling
ros = RandomOverSampler(sampling_strategy=0.5, random_state=cfg["seed"])
X_os, y_os = ros.fit_resample(X, y)

folds = StratifiedKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
lgbm = lgb.LGBMClassifier(random_state=cfg["seed"], verbose=-1, **cfg["model"])
dummy = DummyClassifier(strategy="prior")

for name, est in [("prior", dummy), ("lgbm", lgbm)]:
    ap, auc = cv_scores(est, X_os, y_os, folds)
    log.info("%-6s PR-AUC %.3f  ROC-AUC %.3f", name, ap, auc)
