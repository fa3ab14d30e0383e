import argparse
import json
import logging
from pathlib import Path

from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from tabdl.data import load_frame, make_preprocessor, make_splits, to_loader
from tabdl.model import MLP
from tabdl.trainer import Trainer
from tabdl.utils import seed_everything

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/mlp.json")
    cfg = json.loads(Path(parser.parse_args().config).read_text())
    seed_everything(cfg["seed"])

    X, y = load_frame(cfg)
    X_train, X_test, y_train, y_test = make_splits(X, y, cfg)
    pre = make_preprocessor(cfg)
    Z_train = pre.fit_transform(X_train)
    Z_test = pre.transform(X_test)

    train_loader = to_loader(Z_train, y_train, cfg["batch_size"], shuffle=True, seed=cfg["seed"])
    test_loader = to_loader(Z_test, y_test, cfg["batch_size"], shuffle=False, seed=cfg["seed"])

    model = MLP(Z_train.shape[1], cfg["hidden"], cfg["dropout"])
    trainer = Trainer(model, cfg["lr"], cfg["weight_decay"], cfg["out_dir"])
    history = trainer.fit(train_loader, test_loader, cfg["max_epochs"], cfg["patience"])
    test_metrics = trainer.evaluate(test_loader)

    baseline = LogisticRegression(max_iter=2000, C=1.0).fit(Z_train, y_train)
    base_p = baseline.predict_proba(Z_test)[:, 1]
    report = {
        **history,
        "mlp_test": test_metrics,
        "logreg_test": {
            "roc_auc": roc_auc_score(y_test, base_p),
            "pr_auc": average_precision_score(y_test, base_p),
        },
    }
    Path(cfg["out_dir"], "report.json").write_text(json.dumps(report, indent=2))
    logging.info("report: %s", report)


if __name__ == "__main__":
    main()
