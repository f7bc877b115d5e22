package dev.br2k.testkit;

/** Run in a child JVM by {@link ProcessReaperIT}: starts one etcd member, reports it, and waits to be killed. */
public final class StartEtcdAndWait {

    private StartEtcdAndWait() {
    }

    public static void main(String[] args) throws InterruptedException {
        EtcdCluster etcd = EtcdCluster.builder().members(1).build().start();
        EtcdMember member = etcd.members().get(0);
        System.out.println("READY " + member.pid() + " " + member.dataDir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
