"""python -m upsell experiments/upsell_v2.yaml"""
import json
import logging
import sys

import mlflow
import pandas as pd
import yaml

from .runner import ExperimentRunner


def main(cfg_path: str) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    cfg = yaml.safe_load(open(cfg_path))
    runner = ExperimentRunner(cfg)
    X_train, X_test, y_train, y_test = runner.split(pd.read_parquet(cfg["data"]))

    mlflow.set_experiment(cfg["name"])
    with mlflow.start_run(run_name="selection"):
        board = runner.compare(X_train, y_train)
        winner = runner.select(board)
        mlflow.log_param("winner", winner)
        report = runner.final_test(winner, X_train, y_train, X_test, y_test)
        mlflow.log_metrics({f"test_{m}_{k}": v for m, d in report.items() for k, v in d.items()})
    print(board.round(4).to_string())
    print(json.dumps({"winner": winner, "test": report}, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "experiments/upsell_v2.yaml")
