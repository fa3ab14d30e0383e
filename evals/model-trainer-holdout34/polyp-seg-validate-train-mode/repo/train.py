import sys
from pathlib import Path

import pandas as pd
import torch
import yaml
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

sys.path.insert(0, str(Path(__file__).parent / "src"))
from polypseg.data import PolypDataset, build_transforms  # noqa: E402
from polypseg.engine import evaluate, train_one_epoch  # noqa: E402
from polypseg.model import UNet  # noqa: E402
from polypseg.utils import dump_json, get_logger, set_seed  # noqa: E402


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    dc, tc = cfg["data"], cfg["train"]
    log = get_logger()
    set_seed(tc["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(tc["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    index = pd.read_csv(dc["index_csv"])  # one row per image: id, polyp_size_bin
    dev_ids, test_ids = train_test_split(index.id, test_size=0.15, stratify=index.polyp_size_bin, random_state=tc["seed"])
    dev = index.set_index("id").loc[dev_ids].reset_index()
    tr_ids, va_ids = train_test_split(dev.id, test_size=0.15, stratify=dev.polyp_size_bin, random_state=tc["seed"])

    size = dc["img_size"]
    train_dl = DataLoader(PolypDataset(dc["root"], tr_ids, build_transforms(size, True)),
                          batch_size=tc["batch_size"], shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(PolypDataset(dc["root"], va_ids, build_transforms(size, False)), batch_size=8, num_workers=4)
    test_dl = DataLoader(PolypDataset(dc["root"], test_ids, build_transforms(size, False)), batch_size=8, num_workers=4)

    model = UNet().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tc["epochs"])

    # reference point: predicting an empty mask everywhere
    empty = {"dice": 0.0, "iou": 0.0}
    log.info("empty-mask baseline: %s", empty)

    best, wait = -1.0, 0
    for epoch in range(tc["epochs"]):
        tr_loss = train_one_epoch(model, train_dl, optimizer, device)
        val = evaluate(model, val_dl, device)
        scheduler.step()
        log.info("epoch %03d train_loss %.4f val_loss %.4f val_dice %.4f val_iou %.4f",
                 epoch, tr_loss, val["loss"], val["dice"], val["iou"])
        if val["dice"] > best:
            best, wait = val["dice"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            wait += 1
            if wait >= tc["patience"]:
                log.info("no val improvement for %d epochs, stopping", wait)
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    log.info("TEST dice %.4f iou %.4f", test["dice"], test["iou"])
    dump_json({"best_val_dice": best, "test": test}, out / "metrics.json")


if __name__ == "__main__":
    main(*sys.argv[1:])
