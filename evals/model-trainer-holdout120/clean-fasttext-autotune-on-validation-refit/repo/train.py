import json
from pathlib import Path

import fasttext

cfg = json.load(open("config.json"))
work = Path(cfg["work_dir"])
at = cfg["autotune"]

# 1) hyper-parameter search: train on train.txt, score candidates on valid.txt
tuned = fasttext.train_supervised(
    input=str(work / "train.txt"),
    autotuneValidationFile=str(work / "valid.txt"),
    autotuneMetric=at["metric"],
    autotuneDuration=at["duration"],
    seed=cfg["seed"],
)
a = tuned.f.getArgs()
best = dict(lr=a.lr, dim=a.dim, epoch=a.epoch, wordNgrams=a.wordNgrams,
            minn=a.minn, maxn=a.maxn, bucket=a.bucket, minCount=a.minCount)
n_val, p_val, _ = tuned.test(str(work / "valid.txt"))
print("best params:", best, f"valid P@1={p_val:.4f}")

# 2) refit with those params on train+valid
final = fasttext.train_supervised(input=str(work / "train_valid.txt"), loss="softmax", seed=cfg["seed"], **best)
final.quantize(input=str(work / "train_valid.txt"), retrain=True, qnorm=True, cutoff=100000)

# 3) one look at the untouched test file
n_test, p_test, r_test = final.test(str(work / "test.txt"))
print(f"test N={n_test} P@1={p_test:.4f} R@1={r_test:.4f}")

Path(cfg["model_path"]).parent.mkdir(parents=True, exist_ok=True)
final.save_model(cfg["model_path"])
json.dump({"params": best, "valid_p1": p_val, "test_p1": p_test}, open("models/metrics.json", "w"), indent=2)
