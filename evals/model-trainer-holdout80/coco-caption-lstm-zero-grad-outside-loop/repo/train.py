"""Train a ResNet-101 + LSTM captioner on COCO 2017 and select by validation BLEU-4."""
import json
import os
import random

import numpy as np
import torch
import torch.nn as nn
from nltk.translate.bleu_score import SmoothingFunction, corpus_bleu
from torch.nn.utils import clip_grad_norm_
from torch.nn.utils.rnn import pack_padded_sequence
from torch.utils.data import DataLoader
from torchvision import transforms

from captioning.data import CocoCaptions, build_vocab, collate_captions
from captioning.models import DecoderRNN, EncoderCNN

with open("config.json") as f:
    cfg = json.load(f)

random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

normalize = transforms.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
train_tf = transforms.Compose([transforms.RandomResizedCrop(224, scale=(0.7, 1.0)),
                               transforms.RandomHorizontalFlip(), transforms.ToTensor(), normalize])
eval_tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), normalize])

vocab = build_vocab(cfg["train_ann"], cfg["min_word_count"])
os.makedirs(os.path.dirname(cfg["vocab_path"]), exist_ok=True)
with open(cfg["vocab_path"], "w") as f:
    json.dump(vocab, f)
inv_vocab = {i: w for w, i in vocab.items()}

train_ds = CocoCaptions(cfg["train_ann"], cfg["train_images"], vocab, train_tf)
val_ds = CocoCaptions(cfg["val_ann"], cfg["val_images"], vocab, eval_tf)
train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=8,
                          collate_fn=collate_captions)
val_loader = DataLoader(val_ds, batch_size=cfg["batch_size"], shuffle=False, num_workers=8,
                        collate_fn=collate_captions)

encoder = EncoderCNN(cfg["embed_size"]).to(device)
decoder = DecoderRNN(cfg["embed_size"], cfg["hidden_size"], len(vocab)).to(device)
criterion = nn.CrossEntropyLoss(ignore_index=vocab["<pad>"])
optimizer = torch.optim.Adam([
    {"params": decoder.parameters(), "lr": cfg["lr"]},
    {"params": encoder.proj.parameters(), "lr": cfg["lr"]},
    {"params": encoder.bn.parameters(), "lr": cfg["lr"]},
    {"params": encoder.backbone[7].parameters(), "lr": cfg["encoder_lr"]},
])
trainable = [p for g in optimizer.param_groups for p in g["params"]]


def validate():
    encoder.eval()
    decoder.eval()
    hyps, refs, seen = [], [], set()
    with torch.no_grad():
        for images, _, _, image_ids in val_loader:
            feats = encoder(images.to(device))
            for image_id, ids in zip(image_ids, decoder.greedy(feats, vocab["<end>"])):
                if image_id in seen:
                    continue
                seen.add(image_id)
                hyps.append([inv_vocab[i] for i in ids.tolist()])
                refs.append(val_ds.refs[image_id])
    smooth = SmoothingFunction().method1
    bleu1 = corpus_bleu(refs, hyps, weights=(1, 0, 0, 0), smoothing_function=smooth)
    bleu4 = corpus_bleu(refs, hyps, smoothing_function=smooth)
    return bleu1, bleu4


best_bleu4, bad_epochs = 0.0, 0
for epoch in range(cfg["epochs"]):
    encoder.train()
    decoder.train()
    optimizer.zero_grad()
    running = 0.0
    for step, (images, captions, lengths, _) in enumerate(train_loader):
        images, captions = images.to(device), captions.to(device)
        targets = pack_padded_sequence(captions, lengths, batch_first=True)[0]
        outputs = decoder(encoder(images), captions, lengths)
        loss = criterion(outputs, targets)
        loss.backward()
        clip_grad_norm_(trainable, cfg["grad_clip"])
        optimizer.step()
        running += loss.item()
        if step % 500 == 0:
            print(f"epoch {epoch} step {step} loss {loss.item():.3f}")

    bleu1, bleu4 = validate()
    print(f"epoch {epoch}: train loss {running / len(train_loader):.3f}  val BLEU-1 {bleu1:.4f}  BLEU-4 {bleu4:.4f}")
    if bleu4 > best_bleu4:
        best_bleu4, bad_epochs = bleu4, 0
        torch.save({"encoder": encoder.state_dict(), "decoder": decoder.state_dict(), "epoch": epoch},
                   cfg["checkpoint"])
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["patience"]:
            break
