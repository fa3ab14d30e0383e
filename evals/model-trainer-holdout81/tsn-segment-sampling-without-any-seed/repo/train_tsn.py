import argparse

import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader, random_split

from tsn.dataset import TSNDataset, read_list
from tsn.model import TSN


@torch.no_grad()
def evaluate(model, loader, device, num_classes):
    model.eval()
    correct = torch.zeros(num_classes)
    total = torch.zeros(num_classes)
    for clips, labels in loader:
        pred = model(clips.to(device)).argmax(1).cpu()
        total += torch.bincount(labels, minlength=num_classes).float()
        correct += torch.bincount(labels[pred == labels], minlength=num_classes).float()
    return {"top1": (correct.sum() / total.sum()).item(),
            "mean_class_acc": (correct / total.clamp(min=1)).mean().item()}


def main(cfg):
    dc, oc = cfg["data"], cfg["optim"]
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_items = read_list(dc["train_list"])
    test_items = read_list(dc["test_list"])
    num_classes = max(l for _, _, l in train_items) + 1

    n_val = int(len(train_items) * dc["val_fraction"])
    train_part, val_part = random_split(train_items, [len(train_items) - n_val, n_val])
    train_ds = TSNDataset(dc["frames_root"], list(train_part), dc["num_segments"], train=True)
    val_ds = TSNDataset(dc["frames_root"], list(val_part), dc["num_segments"], train=False)
    test_ds = TSNDataset(dc["frames_root"], test_items, dc["num_segments"], train=False)

    train_dl = DataLoader(train_ds, batch_size=oc["batch_size"], shuffle=True, num_workers=8, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=32, num_workers=8)
    test_dl = DataLoader(test_ds, batch_size=32, num_workers=8)

    model = TSN(num_classes).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=oc["lr"], momentum=oc["momentum"],
                                weight_decay=oc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[20, 40], gamma=0.1)
    criterion = nn.CrossEntropyLoss()

    chance = 1.0 / num_classes
    best, stale = 0.0, 0
    for epoch in range(oc["epochs"]):
        model.train()
        for clips, labels in train_dl:
            clips, labels = clips.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = criterion(model(clips), labels)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 20)
            optimizer.step()
        scheduler.step()
        val = evaluate(model, val_dl, device, num_classes)
        print(f"epoch {epoch} val {val} (chance {chance:.3f})")
        if val["mean_class_acc"] > best:
            best, stale = val["mean_class_acc"], 0
            torch.save(model.state_dict(), cfg["output"])
        else:
            stale += 1
            if stale >= oc["patience"]:
                break

    model.load_state_dict(torch.load(cfg["output"], map_location=device))
    print("split1 test", evaluate(model, test_dl, device, num_classes))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/hmdb51_tsn.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
