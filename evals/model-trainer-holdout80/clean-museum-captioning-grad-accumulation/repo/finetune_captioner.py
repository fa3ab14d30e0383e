"""Fine-tune ViT-GPT2 to write catalogue-style descriptions for museum collection photos."""
import json
import math
import os

import evaluate
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from transformers import (AutoTokenizer, VisionEncoderDecoderModel, ViTImageProcessor,
                          get_linear_schedule_with_warmup, set_seed)

cfg = json.load(open("config.json"))
set_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

model = VisionEncoderDecoderModel.from_pretrained(cfg["base_model"]).to(device)
processor = ViTImageProcessor.from_pretrained(cfg["base_model"])
tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"])
tokenizer.pad_token = tokenizer.eos_token
bleu, rouge = evaluate.load("sacrebleu"), evaluate.load("rouge")


class CaptionFrame(Dataset):
    def __init__(self, split):
        self.df = pd.read_csv(os.path.join(cfg["data_dir"], f"{split}.csv"))
        self.image_dir = os.path.join(cfg["data_dir"], "images")

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        image = Image.open(os.path.join(self.image_dir, row["image_file"])).convert("RGB")
        pixels = processor(images=image, return_tensors="pt").pixel_values[0]
        labels = tokenizer(row["caption"], max_length=cfg["max_target_len"], truncation=True,
                           padding="max_length", return_tensors="pt").input_ids[0]
        labels[labels == tokenizer.pad_token_id] = -100
        return {"pixel_values": pixels, "labels": labels, "caption": row["caption"]}


train_ds, val_ds, test_ds = CaptionFrame("train"), CaptionFrame("val"), CaptionFrame("test")
g = torch.Generator().manual_seed(cfg["seed"])
train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4, generator=g)
val_loader = DataLoader(val_ds, batch_size=cfg["batch_size"] * 2, num_workers=4)
test_loader = DataLoader(test_ds, batch_size=cfg["batch_size"] * 2, num_workers=4)


def evaluate_split(loader):
    model.eval()
    total_loss, n, preds, refs = 0.0, 0, [], []
    with torch.no_grad():
        for batch in loader:
            pixels, labels = batch["pixel_values"].to(device), batch["labels"].to(device)
            total_loss += model(pixel_values=pixels, labels=labels).loss.item() * len(labels)
            n += len(labels)
            out = model.generate(pixels, max_length=cfg["max_target_len"], num_beams=cfg["num_beams"])
            preds += tokenizer.batch_decode(out, skip_special_tokens=True)
            refs += [[c] for c in batch["caption"]]
    return {
        "loss": total_loss / n,
        "bleu": bleu.compute(predictions=preds, references=refs)["score"],
        "rougeL": rouge.compute(predictions=preds, references=[r[0] for r in refs])["rougeL"],
    }


pretrained_val = evaluate_split(val_loader)
print("pretrained ViT-GPT2 on val:", pretrained_val)

optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
updates_per_epoch = math.ceil(len(train_loader) / cfg["accum_steps"])
total_updates = updates_per_epoch * cfg["epochs"]
scheduler = get_linear_schedule_with_warmup(optimizer, int(cfg["warmup_ratio"] * total_updates), total_updates)
scaler = torch.cuda.amp.GradScaler(enabled=device == "cuda")

best_val, bad_epochs = math.inf, 0
optimizer.zero_grad(set_to_none=True)
for epoch in range(cfg["epochs"]):
    model.train()
    for step, batch in enumerate(train_loader, start=1):
        with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=device == "cuda"):
            out = model(pixel_values=batch["pixel_values"].to(device), labels=batch["labels"].to(device))
            loss = out.loss / cfg["accum_steps"]
        scaler.scale(loss).backward()
        if step % cfg["accum_steps"] == 0 or step == len(train_loader):
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
            scheduler.step()

    val = evaluate_split(val_loader)
    print(f"epoch {epoch}: val loss {val['loss']:.4f} BLEU {val['bleu']:.2f} ROUGE-L {val['rougeL']:.4f}")
    if val["loss"] < best_val:
        best_val, bad_epochs = val["loss"], 0
        model.save_pretrained(cfg["output_dir"])
        tokenizer.save_pretrained(cfg["output_dir"])
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["patience"]:
            print("early stopping")
            break

model = VisionEncoderDecoderModel.from_pretrained(cfg["base_model"]).to(device)
pretrained_test = evaluate_split(test_loader)
model = VisionEncoderDecoderModel.from_pretrained(cfg["output_dir"]).to(device)
finetuned_test = evaluate_split(test_loader)
print("test, pretrained:", pretrained_test)
print("test, fine-tuned:", finetuned_test)
