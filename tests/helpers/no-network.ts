import nock from 'nock';

// Tests never reach the network; loopback stays open for the real servers tests start themselves.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
