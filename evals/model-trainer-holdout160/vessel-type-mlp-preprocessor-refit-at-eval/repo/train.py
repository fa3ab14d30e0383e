"""Fit the vessel-class MLP on per-vessel AIS features and write the held-out vessels to disk."""
import joblib
import pandas as pd
from sklearn.model_selection import StratifiedShuffleSplit
from sklearn.neural_network import MLPClassifier

from preprocess import FEATURES, TARGET, add_derived, build_preprocessor

SEED = 99

vessels = add_derived(pd.read_parquet("data/vessel_features_2023.parquet"))
vessels = vessels.drop_duplicates("mmsi").reset_index(drop=True)  # one row per MMSI

sss = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr_idx, te_idx = next(sss.split(vessels, vessels[TARGET]))
train, test = vessels.iloc[tr_idx], vessels.iloc[te_idx]
test.to_parquet("data/test_vessels.parquet")

pre = build_preprocessor()
X_tr = pre.fit_transform(train[FEATURES])

clf = MLPClassifier(
    hidden_layer_sizes=(128, 64), alpha=1e-3, batch_size=128, learning_rate_init=1e-3,
    max_iter=400, early_stopping=True, validation_fraction=0.15, n_iter_no_change=20,
    random_state=SEED,
)
clf.fit(X_tr, train[TARGET])
joblib.dump(clf, "models/vessel_mlp.joblib")
