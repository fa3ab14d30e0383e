"""Train the cattle instance-segmentation runs defined in configs/experiment.yaml and report."""
import json
from pathlib import Path

import pandas as pd
import yaml
from ultralytics import YOLO


def seg_metrics(results):
    return {"box_mAP50": float(results.box.map50), "mask_mAP50": float(results.seg.map50),
            "mask_mAP50-95": float(results.seg.map), "mask_R": float(results.seg.mr)}


def main(cfg_path="configs/experiment.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    data = str(Path(cfg["prepared_dir"]) / "data.yaml")
    tc = cfg["train"]
    rows, best_paths = [], {}
    for run in cfg["runs"]:
        YOLO(run["weights"]).train(data=data, imgsz=run["imgsz"], epochs=tc["epochs"], patience=tc["patience"],
                                   batch=tc["batch"], seed=cfg["seed"], deterministic=True,
                                   project="runs/cattle", name=run["name"], exist_ok=True)
        best_paths[run["name"]] = Path("runs/cattle") / run["name"] / "weights" / "best.pt"
        val = YOLO(best_paths[run["name"]]).val(data=data, split="val", imgsz=run["imgsz"], plots=False)
        rows.append({"run": run["name"], "imgsz": run["imgsz"], **seg_metrics(val)})

    table = pd.DataFrame(rows).set_index("run")
    print(table.to_string())
    chosen = table["mask_mAP50-95"].idxmax()
    test = YOLO(best_paths[chosen]).val(data=data, split="test", imgsz=int(table.loc[chosen, "imgsz"]))
    report = {"val": table.to_dict(orient="index"), "chosen": chosen, "test": seg_metrics(test)}
    Path("reports").mkdir(exist_ok=True)
    json.dump(report, open("reports/cattle_seg.json", "w"), indent=2)
    print(json.dumps(report["test"], indent=2))


if __name__ == "__main__":
    main()
