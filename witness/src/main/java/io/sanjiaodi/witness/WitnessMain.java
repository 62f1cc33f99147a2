package io.sanjiaodi.witness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code java -jar witness.jar [--name=..] [--port=8090] [--bind=127.0.0.1] [--data=./data/witness]
 * [--prefix=] [--log='<origin> <vkey>']... [--log-key-url=<url>] [--vkey-file=<path>] [--init]}; each option
 * may instead come from the environment ({@code WITNESS_NAME}, {@code WITNESS_PORT}, {@code WITNESS_BIND},
 * {@code WITNESS_DATA}, {@code WITNESS_PREFIX}, {@code WITNESS_LOGS} (entries separated by ';'),
 * {@code WITNESS_LOG_KEY_URL}, {@code WITNESS_VKEY_FILE}). {@code --init} creates the key if absent, prints
 * the verifier key and exits. The verifier key is also written to {@code --vkey-file} (default
 * {@code <data>/witness.vkey}), so a log on the same host can read it without access to the private key.
 */
public final class WitnessMain {

    private static final Logger LOG = Logger.getLogger(WitnessMain.class.getName());

    private WitnessMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String name = options.getOrDefault("name", "sanjiaodi.local/witness");
        Path data = Path.of(options.getOrDefault("data", "data/witness"));
        Files.createDirectories(data);
        WitnessKey key = new WitnessKey(name, data);
        Path vkeyFile = Path.of(
                options.getOrDefault("vkey-file", data.resolve("witness.vkey").toString()));
        Files.createDirectories(vkeyFile.toAbsolutePath().getParent());
        Files.writeString(vkeyFile, key.verifierKey() + "\n");
        if (options.containsKey("init")) {
            System.out.println(key.verifierKey());
            return;
        }
        List<Witness.LogConfig> logs = new ArrayList<>();
        for (String entry : options.getOrDefault("log", "").split(";")) {
            if (!entry.isBlank()) {
                logs.add(logConfig(entry.trim()));
            }
        }
        String keyUrl = options.get("log-key-url");
        if (logs.isEmpty() && keyUrl == null) {
            throw new IllegalArgumentException("no log to witness: give --log='<origin> <vkey>' or WITNESS_LOGS");
        }
        Witness witness = Witness.open(key, logs, data, Clock.systemUTC());
        InetSocketAddress address = new InetSocketAddress(
                options.getOrDefault("bind", "127.0.0.1"), Integer.parseInt(options.getOrDefault("port", "8090")));
        WitnessServer server = new WitnessServer(witness, address, options.getOrDefault("prefix", "")).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        if (keyUrl != null) {
            // the log may start after the witness (it waits for the witness's key): pin its key once it answers
            Thread pin = new Thread(
                    () -> {
                        try {
                            witness.addLog(logConfig(pinnedLogKey(data, keyUrl)));
                        } catch (IOException | RuntimeException e) {
                            LOG.severe("cannot witness the log whose key is at " + keyUrl + ": " + e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "pin-log-key");
            pin.setDaemon(true);
            pin.start();
        }
        LOG.info("witness " + key.verifierKey() + " listens on " + address + " for "
                + logs.stream().map(Witness.LogConfig::origin).toList());
    }

    /** {@code <origin> <vkey>}, or a bare vkey whose key name is the origin (as the checkpoint spec recommends). */
    static Witness.LogConfig logConfig(String entry) {
        String[] parts = entry.trim().split("\\s+");
        String vkey = parts[parts.length - 1];
        String origin = parts.length > 1 ? parts[0] : vkey.substring(0, vkey.indexOf('+'));
        VerifierKey.parse(vkey); // refuse a bad key at start, not at the first checkpoint
        return new Witness.LogConfig(origin, vkey);
    }

    /**
     * Trust on first use, for a local run only: the log's key is fetched once, while no key is pinned, and
     * kept in {@code <data>/pinned-log-key}; from then on the pinned key alone counts. Waits for the log.
     */
    static String pinnedLogKey(Path data, String url) throws IOException, InterruptedException {
        Path pinned = data.resolve("pinned-log-key");
        if (Files.exists(pinned)) {
            return Files.readString(pinned).trim();
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    String vkey = response.body().trim();
                    logConfig(vkey);
                    Files.writeString(pinned, vkey + "\n");
                    LOG.warning("pinned the log key " + vkey + " fetched from " + url + " (trust on first use)");
                    return vkey;
                }
            } catch (IOException notYet) {
                // the log is not up yet
            }
            if (attempt % 10 == 0) {
                LOG.info("waiting for the log's key at " + url);
            }
            Thread.sleep(2000);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("WITNESS_") && !v.isBlank()) {
                String option = k.substring(8).toLowerCase().replace('_', '-');
                options.put(option.equals("logs") ? "log" : option, v);
            }
        });
        List<String> logs = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            if (kv[0].equals("log")) {
                logs.add(kv[1]);
            } else {
                options.put(kv[0], kv.length > 1 ? kv[1] : "true");
            }
        }
        if (!logs.isEmpty()) {
            options.put("log", String.join(";", logs));
        }
        return options;
    }
}
