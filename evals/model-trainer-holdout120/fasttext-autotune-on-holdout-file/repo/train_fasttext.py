"""fastText baseline for ticket categorisation.

Run prepare_data.py first.
"""
import json
from pathlib import Path

import fasttext

DATA = Path("data/ft")
MODEL_DIR = Path("models")
AUTOTUNE_SECONDS = 900


def per_label_report(model, path):
    rows = {}
    for label, scores in model.test_label(str(path)).items():
        rows[label.replace("__label__", "")] = {
            "precision": round(scores["precision"], 4),
            "recall": round(scores["recall"], 4),
            "f1": round(scores["f1score"], 4),
        }
    return rows


def main():
    MODEL_DIR.mkdir(exist_ok=True)

    model = fasttext.train_supervised(
        input=str(DATA / "tickets.train"),
        autotuneValidationFile=str(DATA / "tickets.holdout"),
        autotuneMetric="f1",
        autotuneDuration=AUTOTUNE_SECONDS,
        autotuneModelSize="50M",
        seed=2024,
        verbose=2,
    )

    n, p_at_1, r_at_1 = model.test(str(DATA / "tickets.holdout"))
    print(f"holdout N={n}  P@1={p_at_1:.4f}  R@1={r_at_1:.4f}")

    report = per_label_report(model, DATA / "tickets.holdout")
    for label, s in sorted(report.items(), key=lambda kv: kv[1]["f1"]):
        print(f"{label:<28} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}")

    args = model.f.getArgs()
    best = {k: getattr(args, k) for k in ["lr", "dim", "epoch", "wordNgrams", "minn", "maxn", "bucket", "loss"]}
    best["loss"] = str(best["loss"])

    model.save_model(str(MODEL_DIR / "ticket_ft.ftz"))
    with open(MODEL_DIR / "ticket_ft_metrics.json", "w") as f:
        json.dump({"p_at_1": p_at_1, "n": n, "params": best, "per_label": report}, f, indent=2)


if __name__ == "__main__":
    main()
