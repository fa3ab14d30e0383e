"""Train a Transformer-CTC acoustic model with gradient accumulation."""
import tomllib
from pathlib import Path

import torch
from torch.utils.data import DataLoader

from asr.data import ManifestDataset, collate
from asr.decode import score
from asr.model import TransformerCTC
from asr.utils import seed_all, warmup_inverse_sqrt

with open("config.toml", "rb") as f:
    cfg = tomllib.load(f)
seed_all(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
run_dir = Path(cfg["run_dir"])
run_dir.mkdir(parents=True, exist_ok=True)

vocab = Path(cfg["data"]["vocab"]).read_text(encoding="utf-8").rstrip("\n").split("\n")
idx2char = {i + 1: c for i, c in enumerate(vocab)}
o = cfg["optim"]
train_ds = ManifestDataset(cfg["data"]["train_manifest"], vocab, cfg["data"]["max_seconds"], spec_augment=True)
dev_ds = ManifestDataset(cfg["data"]["dev_manifest"], vocab)
test_ds = ManifestDataset(cfg["data"]["test_manifest"], vocab)
train_dl = DataLoader(train_ds, batch_size=o["micro_batch"], shuffle=True, collate_fn=collate, num_workers=6,
                      drop_last=True)
dev_dl = DataLoader(dev_ds, batch_size=16, collate_fn=collate, num_workers=4)
test_dl = DataLoader(test_ds, batch_size=16, collate_fn=collate, num_workers=4)

model = TransformerCTC(len(vocab), **cfg["model"]).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: warmup_inverse_sqrt(s, o["warmup_steps"]))
ctc = torch.nn.CTCLoss(blank=0, zero_infinity=True)
accum = o["accum_steps"]

best_wer, bad = float("inf"), 0
for epoch in range(o["max_epochs"]):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    for i, (feats, feat_lens, targets, tgt_lens, _) in enumerate(train_dl):
        log_probs, out_lens = model(feats.to(device), feat_lens.to(device))
        loss = ctc(log_probs.transpose(0, 1), targets, out_lens.cpu(), tgt_lens) / accum
        loss.backward()
        if (i + 1) % accum == 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
        if i % 500 == 0:
            print(f"epoch {epoch} it {i} loss {loss.item() * accum:.3f} lr {scheduler.get_last_lr()[0]:.2e}")

    dev_wer, dev_cer = score(model, dev_dl, device, idx2char)
    print(f"epoch {epoch} dev WER {dev_wer:.4f} CER {dev_cer:.4f}")
    if dev_wer < best_wer:
        best_wer, bad = dev_wer, 0
        torch.save({"model": model.state_dict(), "epoch": epoch, "dev_wer": dev_wer}, run_dir / "best.pt")
    else:
        bad += 1
        if bad >= o["patience"]:
            print(f"no dev improvement for {bad} epochs, stopping")
            break

model.load_state_dict(torch.load(run_dir / "best.pt", map_location=device)["model"])
test_wer, test_cer = score(model, test_dl, device, idx2char)

baseline = TransformerCTC(len(vocab), **cfg["model"]).to(device)
baseline.load_state_dict(torch.load(cfg["baseline_ckpt"], map_location=device))
base_wer, base_cer = score(baseline, test_dl, device, idx2char)
print(f"test WER {test_wer:.4f} CER {test_cer:.4f} | production baseline WER {base_wer:.4f} CER {base_cer:.4f}")
