"""Aqueous solubility (logS) model on a merged multi-source dataset.

Compounds were measured by several labs; replicate measurements of the same
compound within a source are collapsed to their median before modelling.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem, Descriptors
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

RDLogger.DisableLog("rdApp.*")
SEED = 11
DATA = "data/solubility_merged_v3.csv"
RDKIT_DESC = ["MolWt", "MolLogP", "TPSA", "NumHDonors", "NumHAcceptors",
              "NumRotatableBonds", "RingCount", "FractionCSP3", "NumAromaticRings"]


def featurize(smiles, radius=2, n_bits=2048):
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        return None
    fp = AllChem.GetMorganFingerprintAsBitVect(mol, radius, nBits=n_bits)
    desc = [getattr(Descriptors, name)(mol) for name in RDKIT_DESC]
    return np.concatenate([np.array(fp, dtype=np.uint8), np.array(desc, dtype=float)])


def rmse(y, p):
    return float(np.sqrt(mean_squared_error(y, p)))


raw = pd.read_csv(DATA)
raw["inchikey"] = [Chem.MolToInchiKey(Chem.MolFromSmiles(s)) if Chem.MolFromSmiles(s) else None
                   for s in raw["smiles"]]
raw = raw.dropna(subset=["inchikey", "logS"])

# collapse replicates: one row per compound, keep the source that measured it most often
agg = (raw.groupby("inchikey")
          .agg(smiles=("smiles", "first"),
               logS=("logS", "median"),
               n_meas=("logS", "size"),
               source=("source", lambda s: s.mode().iat[0]),
               temp_C=("temperature_C", "median"))
          .reset_index())
print(f"{len(raw)} measurements -> {len(agg)} compounds from {agg['source'].nunique()} sources")

# systematic offsets between labs (shake-flask vs. CheqSol vs. turbidimetric)
agg["source_mean_logS"] = agg.groupby("source")["logS"].transform("mean")
agg["source_n"] = agg.groupby("source")["logS"].transform("size")

feats = agg["smiles"].apply(featurize)
keep = feats.notna()
agg, feats = agg[keep].reset_index(drop=True), feats[keep]
X_mol = np.vstack(feats.to_numpy())
X = np.hstack([X_mol, agg[["temp_C", "source_mean_logS", "source_n"]].to_numpy()])
y = agg["logS"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.15, random_state=SEED)

params = dict(objective="regression", learning_rate=0.03, num_leaves=63, min_child_samples=20,
              feature_fraction=0.3, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
              seed=SEED, verbose=-1)
booster = lgb.train(params, lgb.Dataset(X_tr, y_tr), num_boost_round=5000,
                    valid_sets=[lgb.Dataset(X_val, y_val)],
                    callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)])

# descriptor-only linear baseline (ESOL-like)
n_fp = 2048
desc_cols = slice(n_fp, n_fp + len(RDKIT_DESC))
ridge = RidgeCV(alphas=np.logspace(-3, 3, 13)).fit(X_train[:, desc_cols], y_train)

for name, pred in [("ESOL-like ridge", ridge.predict(X_test[:, desc_cols])),
                   ("LightGBM", booster.predict(X_test, num_iteration=booster.best_iteration))]:
    print(f"{name:>16}: RMSE={rmse(y_test, pred):.3f}  MAE={mean_absolute_error(y_test, pred):.3f}  "
          f"R2={r2_score(y_test, pred):.3f}")

booster.save_model("models/logs_lgbm.txt")
