import pandas as pd
import torch
import yaml
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader

from model import MalConv, PEBytes
from utils import seed_everything, seed_worker


def run_eval(model, loader, device):
    model.eval()
    ys, ss = [], []
    with torch.inference_mode():
        for x, y in loader:
            ss.append(torch.sigmoid(model(x.to(device))).cpu())
            ys.append(y)
    return roc_auc_score(torch.cat(ys).numpy(), torch.cat(ss).numpy())


def main(cfg):
    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    splits = pd.read_csv(cfg["split_csv"])  # path,label,split

    def loader(name, shuffle):
        ds = PEBytes(splits[splits["split"] == name], cfg["max_len"])
        return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle, num_workers=4,
                          worker_init_fn=seed_worker, generator=gen)

    train_dl, val_dl, test_dl = loader("train", True), loader("val", False), loader("test", False)

    model = MalConv(channels=cfg["channels"], dropout=cfg["dropout"]).to(device)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, nesterov=True)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    accum = cfg["grad_accum_steps"]

    best = -1.0
    for epoch in range(cfg["epochs"]):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl, start=1):
            loss = loss_fn(model(x.to(device)), y.to(device)) / accum
            loss.backward()
            if step % accum == 0 or step == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                opt.zero_grad(set_to_none=True)

        val_auc = run_eval(model, val_dl, device)
        print(f"epoch {epoch} val_auc={val_auc:.4f}")
        if val_auc > best:
            best = val_auc
            torch.save(model.state_dict(), cfg["ckpt"])

    model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
    print(f"best val_auc={best:.4f}  test_auc={run_eval(model, test_dl, device):.4f}")


if __name__ == "__main__":
    with open("config.yaml") as f:
        main(yaml.safe_load(f))
