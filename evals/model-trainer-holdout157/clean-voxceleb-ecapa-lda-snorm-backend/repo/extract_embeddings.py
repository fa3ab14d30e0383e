import sys

import numpy as np
import torch
import torchaudio
import yaml
from speechbrain.pretrained import EncoderClassifier
from tqdm import tqdm

cfg = yaml.safe_load(open("config.yaml"))
split, list_file = sys.argv[1], sys.argv[2]          # e.g. dev lists/vox1_dev_wavs.txt
ecapa = EncoderClassifier.from_hparams(source=cfg["ecapa_source"], savedir="pretrained/ecapa",
                                       run_opts={"device": "cuda"})
ecapa.eval()

utts = [l.strip() for l in open(list_file) if l.strip()]   # id10001/1zcIwhmdeo4/00001.wav
embs = []
with torch.no_grad():
    for u in tqdm(utts):
        wav, sr = torchaudio.load(f"{cfg['wav_root']}/{u}")
        embs.append(ecapa.encode_batch(wav).squeeze().cpu().numpy())
np.savez(cfg["embeddings"][split], utt=np.array(utts), emb=np.stack(embs))
