"""T-learner (CatBoost) for the proactive retention call: who should the CX team phone?"""
import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split

cfg = yaml.safe_load(open("config.yaml"))
SEED = cfg["seed"]
np.random.seed(SEED)

df = pd.read_parquet(cfg["customers_path"])
emb = np.load(cfg["embeddings_path"])
T, Y = cfg["treatment"], cfg["outcome"]

strata = df[T].astype(str) + df[Y].astype(str)
idx_tr, idx_te = train_test_split(np.arange(len(df)), test_size=0.3, stratify=strata, random_state=SEED)

pca = PCA(n_components=cfg["pca_dims"], random_state=SEED).fit(emb[idx_tr])
emb_cols = [f"ticket_pc{i}" for i in range(cfg["pca_dims"])]
df[emb_cols] = pca.transform(emb)
features = cfg["tabular"] + emb_cols
train, test = df.iloc[idx_tr], df.iloc[idx_te]


def fit(frame):
    m = CatBoostClassifier(**cfg["catboost"], cat_features=["contract_type"], random_seed=SEED, verbose=0)
    return m.fit(frame[features], frame[Y])


m_call, m_none = fit(train[train[T] == 1]), fit(train[train[T] == 0])
# churn is the bad outcome: benefit of a call = P(churn | no call) - P(churn | call)
benefit = m_none.predict_proba(test[features])[:, 1] - m_call.predict_proba(test[features])[:, 1]


def saved_per_100(frame, score, frac):
    top = frame.assign(s=score).nlargest(int(frac * len(frame)), "s")
    return 100 * (top.loc[top[T] == 0, Y].mean() - top.loc[top[T] == 1, Y].mean())


rand = np.random.default_rng(SEED).random(len(test))
risk = m_none.predict_proba(test[features])[:, 1]
for frac in (0.1, 0.2, 0.3):
    print(f"top {frac:.0%}: uplift model {saved_per_100(test, benefit, frac):5.2f} | "
          f"churn-risk model {saved_per_100(test, risk, frac):5.2f} | random {saved_per_100(test, rand, frac):5.2f} "
          "churners saved per 100 calls")
