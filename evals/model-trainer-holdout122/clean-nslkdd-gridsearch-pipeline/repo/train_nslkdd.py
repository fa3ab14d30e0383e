"""5-class NSL-KDD classifier (normal / DoS / Probe / R2L / U2R), tuned with CV on KDDTrain+ only."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 31337
COLS = pd.read_csv("data/kdd_feature_names.csv")["name"].tolist() + ["label", "difficulty"]
CAT = ["protocol_type", "service", "flag"]
HEAVY = ["duration", "src_bytes", "dst_bytes", "hot", "num_compromised", "num_root"]

ATTACK_MAP = {
    "normal": "normal",
    **dict.fromkeys(["back", "land", "neptune", "pod", "smurf", "teardrop", "apache2", "mailbomb",
                     "processtable", "udpstorm"], "dos"),
    **dict.fromkeys(["ipsweep", "nmap", "portsweep", "satan", "mscan", "saint"], "probe"),
    **dict.fromkeys(["ftp_write", "guess_passwd", "imap", "multihop", "phf", "spy", "warezclient",
                     "warezmaster", "sendmail", "named", "snmpgetattack", "snmpguess", "xlock",
                     "xsnoop", "worm"], "r2l"),
    **dict.fromkeys(["buffer_overflow", "loadmodule", "perl", "rootkit", "httptunnel", "ps",
                     "sqlattack", "xterm"], "u2r"),
}


def load(path):
    df = pd.read_csv(path, names=COLS)
    df["category"] = df["label"].map(ATTACK_MAP)
    df[HEAVY] = np.log1p(df[HEAVY])
    return df.drop(columns=["label", "difficulty", "num_outbound_cmds"])


train = load("data/KDDTrain+.txt")
test = load("data/KDDTest+.txt")
assert train["category"].notna().all() and test["category"].notna().all()

X_train, y_train = train.drop(columns="category"), train["category"]
X_test, y_test = test.drop(columns="category"), test["category"]
num_cols = [c for c in X_train.columns if c not in CAT]

pipe = Pipeline([
    ("prep", ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore"), CAT),
        ("num", StandardScaler(), num_cols),
    ])),
    ("rf", RandomForestClassifier(class_weight="balanced_subsample", n_jobs=-1, random_state=SEED)),
])

grid = {
    "rf__n_estimators": [200, 400],
    "rf__max_depth": [None, 30],
    "rf__min_samples_leaf": [1, 3],
    "rf__max_features": ["sqrt", 0.3],
}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, grid, scoring="f1_macro", cv=cv, n_jobs=1, verbose=1)
search.fit(X_train, y_train)
print("best params:", search.best_params_)
print(f"CV macro F1: {search.best_score_:.4f}")

# KDDTest+ contains attack types that never appear in training, expect a big drop vs CV
pred = search.best_estimator_.predict(X_test)
print(classification_report(y_test, pred, digits=4))
print(f"KDDTest+ macro F1: {f1_score(y_test, pred, average='macro'):.4f}")
