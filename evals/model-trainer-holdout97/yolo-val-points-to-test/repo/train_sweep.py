"""Train a few YOLOv8 variants on the PCB defect set and promote the best one."""
import argparse
import json
import shutil
from pathlib import Path

import pandas as pd
import yaml
from ultralytics import YOLO

DATA_CFG = "configs/pcb_defects.yaml"


def train_candidate(cand, sweep_cfg, project):
    name = f"{Path(cand['weights']).stem}_{cand['imgsz']}"
    model = YOLO(cand["weights"])
    model.train(
        data=DATA_CFG,
        imgsz=cand["imgsz"],
        epochs=sweep_cfg["epochs"],
        patience=sweep_cfg["patience"],
        batch=sweep_cfg["batch"],
        seed=sweep_cfg["seed"],
        deterministic=True,
        mosaic=1.0,
        close_mosaic=10,
        project=project,
        name=name,
        exist_ok=True,
    )
    best_path = Path(project) / name / "weights" / "best.pt"
    return name, best_path


def score(weights_path, imgsz):
    model = YOLO(str(weights_path))
    m = model.val(data=DATA_CFG, imgsz=imgsz, batch=8, conf=0.001, iou=0.6, plots=False)
    return {
        "mAP50": float(m.box.map50),
        "mAP50-95": float(m.box.map),
        "precision": float(m.box.mp),
        "recall": float(m.box.mr),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", default="configs/sweep.yaml")
    ap.add_argument("--project", default="runs/pcb")
    ap.add_argument("--promote-to", default="models/pcb_defect_detector.pt")
    args = ap.parse_args()

    sweep_cfg = yaml.safe_load(open(args.sweep))
    rows = []
    for cand in sweep_cfg["candidates"]:
        name, best_path = train_candidate(cand, sweep_cfg, args.project)
        metrics = score(best_path, cand["imgsz"])
        rows.append({"run": name, "weights": str(best_path), "imgsz": cand["imgsz"], **metrics})
        print(name, metrics)

    results = pd.DataFrame(rows).sort_values("mAP50-95", ascending=False)
    print(results.to_string(index=False))
    winner = results.iloc[0]

    Path(args.promote_to).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(winner["weights"], args.promote_to)
    final = YOLO(args.promote_to).val(data=DATA_CFG, imgsz=int(winner["imgsz"]), split="test", plots=True)
    report = {"run": winner["run"], "test_mAP50": float(final.box.map50), "test_mAP50-95": float(final.box.map)}
    with open(Path(args.promote_to).with_suffix(".json"), "w") as f:
        json.dump(report, f, indent=2)
    print("promoted", report)


if __name__ == "__main__":
    main()
