import numpy as np
import wandb
import yaml
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from de_features import build

cfg = yaml.safe_load(open("config.yaml"))
np.random.seed(cfg["cv"]["seed"])

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 config={k: v for k, v in cfg.items() if k != "wandb"})

X, y, groups = build(cfg)
print(f"X={X.shape}, positive rate={y.mean():.2f}, subjects={len(np.unique(groups))}")

cv = GroupKFold(n_splits=cfg["cv"]["n_splits"])
aucs, f1s = [], []
for fold, (tr, te) in enumerate(cv.split(X, y, groups)):
    model = make_pipeline(
        StandardScaler(),
        SVC(C=cfg["model"]["C"], gamma=cfg["model"]["gamma"], probability=True,
            class_weight="balanced", random_state=cfg["cv"]["seed"]),
    )
    model.fit(X[tr], y[tr])
    p = model.predict_proba(X[te])[:, 1]
    aucs.append(roc_auc_score(y[te], p))
    f1s.append(f1_score(y[te], model.predict(X[te]), average="macro"))
    wandb.log({"fold": fold, "auc": aucs[-1], "macro_f1": f1s[-1]})
    print(f"fold {fold}: held-out subjects {np.unique(groups[te]).tolist()} auc={aucs[-1]:.3f}")

run.summary["auc_mean"] = float(np.mean(aucs))
run.summary["macro_f1_mean"] = float(np.mean(f1s))
print(f"subject-independent {cfg['data']['label']}: AUC {np.mean(aucs):.3f} +/- {np.std(aucs):.3f}")
run.finish()
