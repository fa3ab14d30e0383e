"""Fine-tune an OpenCLIP model on Flickr30k image-caption pairs."""
import argparse
import json
import math
import os
import random

import numpy as np
import open_clip
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader

from clipft.data import CaptionPairs, collate_pairs
from clipft.metrics import retrieval_metrics


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_loader(cfg, split, preprocess, tokenizer, shuffle):
    ds = CaptionPairs(cfg["data"]["manifest"], cfg["data"]["image_root"], split, preprocess, tokenizer)
    return DataLoader(ds, batch_size=cfg["data"]["batch_size"], shuffle=shuffle,
                      num_workers=cfg["data"]["num_workers"], collate_fn=collate_pairs,
                      drop_last=shuffle, pin_memory=True)


def contrastive_loss(image_features, text_features, logit_scale):
    image_features = F.normalize(image_features, dim=-1)
    text_features = F.normalize(text_features, dim=-1)
    logits = logit_scale * image_features @ text_features.t()
    labels = torch.arange(logits.size(0), device=logits.device)
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2


@torch.no_grad()
def encode_split(model, loader, device):
    model.eval()
    img_feats, txt_feats, img_ids = [], [], []
    for images, texts, ids in loader:
        img_feats.append(F.normalize(model.encode_image(images.to(device)), dim=-1).cpu())
        txt_feats.append(F.normalize(model.encode_text(texts.to(device)), dim=-1).cpu())
        img_ids.append(ids)
    return torch.cat(img_feats), torch.cat(txt_feats), torch.cat(img_ids)


def cosine_lr(step, total, warmup, base_lr):
    if step < warmup:
        return base_lr * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return 0.5 * base_lr * (1 + math.cos(math.pi * progress))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/finetune.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    set_seed(cfg["train"]["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    model, _, preprocess = open_clip.create_model_and_transforms(
        cfg["model"]["name"], pretrained=cfg["model"]["pretrained"], device=device)
    tokenizer = open_clip.get_tokenizer(cfg["model"]["name"])

    train_loader = build_loader(cfg, cfg["data"]["train_split"], preprocess, tokenizer, shuffle=True)
    monitor_loader = build_loader(cfg, cfg["data"]["monitor_split"], preprocess, tokenizer, shuffle=False)

    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"],
                                  weight_decay=cfg["train"]["weight_decay"])
    total_steps = cfg["train"]["epochs"] * len(train_loader)
    os.makedirs(cfg["output_dir"], exist_ok=True)

    zero_shot = retrieval_metrics(*encode_split(model, monitor_loader, device))
    print("zero-shot:", json.dumps(zero_shot))

    best_score, bad_epochs, step = -1.0, 0, 0
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        for images, texts, _ in train_loader:
            for group in optimizer.param_groups:
                group["lr"] = cosine_lr(step, total_steps, cfg["train"]["warmup_steps"], cfg["train"]["lr"])
            image_features, text_features, logit_scale = model(images.to(device), texts.to(device))
            loss = contrastive_loss(image_features, text_features, logit_scale)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                model.logit_scale.clamp_(0, math.log(100))
            step += 1

        metrics = retrieval_metrics(*encode_split(model, monitor_loader, device))
        print(f"epoch {epoch}: loss={loss.item():.4f} {json.dumps(metrics)}")
        if metrics["rsum"] > best_score:
            best_score, bad_epochs = metrics["rsum"], 0
            torch.save(model.state_dict(), os.path.join(cfg["output_dir"], "best.pt"))
            with open(os.path.join(cfg["output_dir"], "test_metrics.json"), "w") as f:
                json.dump({"epoch": epoch, **metrics}, f, indent=2)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["train"]["patience"]:
                print(f"early stop after epoch {epoch}")
                break

    print(f"best rsum {best_score:.2f} (zero-shot {zero_shot['rsum']:.2f})")


if __name__ == "__main__":
    main()
