"""Fine-tune CLIP ViT-B/16 on RSICD remote-sensing captions; select on val, report test once."""
import argparse
import json
import os

import open_clip
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader

from rsclip.data import RSICDEval, RSICDTrain, load_rsicd
from rsclip.retrieval import evaluate_retrieval
from rsclip.utils import seed_everything, seeded_generator

parser = argparse.ArgumentParser()
parser.add_argument("--config", default="configs/rsicd.yaml")
cfg = yaml.safe_load(open(parser.parse_args().config))
seed_everything(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"
os.makedirs(cfg["out_dir"], exist_ok=True)

model, train_tf, eval_tf = open_clip.create_model_and_transforms(
    cfg["model"]["arch"], pretrained=cfg["model"]["pretrained"], device=device)
tokenizer = open_clip.get_tokenizer(cfg["model"]["arch"])

# freeze the vision tower except its last few residual blocks
visual_blocks = model.visual.transformer.resblocks
for p in model.visual.parameters():
    p.requires_grad = False
for block in visual_blocks[-cfg["model"]["unlocked_vision_layers"]:]:
    for p in block.parameters():
        p.requires_grad = True
model.visual.proj.requires_grad = True

splits = load_rsicd(cfg["data"]["annotations"])
bs, workers = cfg["data"]["batch_size"], cfg["data"]["workers"]
train_loader = DataLoader(RSICDTrain(splits["train"], cfg["data"]["images"], train_tf, tokenizer), batch_size=bs,
                          shuffle=True, drop_last=True, num_workers=workers, generator=seeded_generator(cfg["seed"]))
val_loader = DataLoader(RSICDEval(splits["val"], cfg["data"]["images"], eval_tf), batch_size=bs, num_workers=workers)
test_loader = DataLoader(RSICDEval(splits["test"], cfg["data"]["images"], eval_tf), batch_size=bs, num_workers=workers)

zero_shot_test = evaluate_retrieval(model, tokenizer, test_loader, splits["test"], device)

head_params = [model.visual.proj, model.text_projection, model.logit_scale]
head_ids = {id(p) for p in head_params}
backbone_params = [p for p in model.parameters() if p.requires_grad and id(p) not in head_ids]
optimizer = torch.optim.AdamW([
    {"params": backbone_params, "lr": cfg["optim"]["lr"]},
    {"params": head_params, "lr": cfg["optim"]["head_lr"], "weight_decay": 0.0},
], weight_decay=cfg["optim"]["weight_decay"])
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["optim"]["epochs"] * len(train_loader))
scaler = torch.cuda.amp.GradScaler(enabled=device == "cuda")

best_mr, bad_epochs, history = -1.0, 0, []
ckpt_path = os.path.join(cfg["out_dir"], "best.pt")
for epoch in range(cfg["optim"]["epochs"]):
    model.train()
    for images, tokens in train_loader:
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type="cuda", enabled=device == "cuda"):
            img_f, txt_f, scale = model(images.to(device), tokens.to(device))
            logits = scale * img_f @ txt_f.t()
            labels = torch.arange(len(logits), device=device)
            loss = (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg["optim"]["grad_clip"])
        scaler.step(optimizer)
        scaler.update()
        scheduler.step()
        with torch.no_grad():
            model.logit_scale.clamp_(0, 4.6052)

    val = evaluate_retrieval(model, tokenizer, val_loader, splits["val"], device)
    history.append({"epoch": epoch, "loss": loss.item(), **val})
    print(json.dumps(history[-1]))
    if val["mR"] > best_mr:
        best_mr, bad_epochs = val["mR"], 0
        torch.save(model.state_dict(), ckpt_path)
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["optim"]["patience"]:
            break

model.load_state_dict(torch.load(ckpt_path, map_location=device))
test = evaluate_retrieval(model, tokenizer, test_loader, splits["test"], device)
report = {"best_val_mR": best_mr, "zero_shot_test": zero_shot_test, "finetuned_test": test, "history": history}
with open(os.path.join(cfg["out_dir"], "report.json"), "w") as f:
    json.dump(report, f, indent=2)
print(f"test mR zero-shot {zero_shot_test['mR']:.2f} -> fine-tuned {test['mR']:.2f}")
