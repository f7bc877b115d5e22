// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title BR2K service registry
/// @notice Where a BR2K service is served now, who manages it, how many replicas it may run, and
///         how to rebuild it (its deployment context, container image and backup log).
/// @dev Storage holds only what a transaction must check or what readers need in one call
///      (manager, operators, run state, replica counts, location, block pointers). Data that is
///      only read off-chain (name, description, context pointer, image location and credentials,
///      backup records, claims) lives in events. As in ERC-1056, each such event carries the block
///      of the previous event of its kind for the same service (`previousChange`), and storage
///      keeps the block of the newest one, so a reader walks back block by block instead of
///      scanning the chain. Events are emitted only when a value changes (as ENS does).
contract ServiceRegistry {
    /// @notice What the service is doing, as its manager or operators last reported it.
    enum RunState {
        Stopped,
        Running,
        Degraded,
        Recovering
    }

    struct Service {
        // slot 0
        address manager;
        RunState runState;
        uint16 replicaCount;
        uint16 maxReplicas;
        uint40 detailsBlock; // block of the newest DetailsChanged event
        // slot 1
        address deployer;
        uint40 lastBackupBlock; // block of the newest Backup event, 0 if none
        uint40 lastClaimBlock; // block of the newest Claim event, 0 if none
        // slot 2
        address pendingManager;
        uint64 backupCount;
        uint32 operatorEpoch; // operators of older epochs count for nothing (a new manager starts with none)
        // slot 3
        string location;
        // slot 4
        bytes32 detailsHash; // of the newest details, so that setting them again emits nothing
        // slot 5: the leader term of the newest location a leader published (all 0 after the manager set it)
        uint64 locationCluster; // the id of the leader's etcd cluster
        uint64 locationTerm; // the etcd Raft term the leader took over in
        uint64 locationRevision; // the etcd revision of its takeover
    }

    /// @notice A registration's commitment: when it was made.
    struct Commitment {
        uint64 blockNumber;
        uint64 timestamp;
    }

    /// @notice The longest claim reason, in bytes: a claim is a request to the manager, not a document.
    uint256 public constant MAX_CLAIM_REASON_BYTES = 280;
    /// @notice How long a registration commitment may be revealed (it must be at least one block old).
    uint256 public constant MAX_COMMITMENT_AGE = 1 days;

    mapping(bytes32 id => Service) private _services;
    mapping(bytes32 commitment => Commitment) private _commitments;

    // services per manager, enumerable
    mapping(address manager => bytes32[]) private _managed;
    mapping(bytes32 id => uint256) private _managedIndex; // position + 1 in _managed[manager]

    // operators per service and operator epoch, enumerable
    mapping(bytes32 id => mapping(uint32 epoch => address[])) private _operators;
    mapping(bytes32 id => mapping(uint32 epoch => mapping(address operator => uint256))) private _operatorIndex; // position + 1

    // ---------------------------------------------------------------- events

    /// @notice A service was registered; `deployer` is its first manager.
    event ServiceRegistered(bytes32 indexed id, string name, address indexed deployer, uint16 replicaCount, uint16 maxReplicas);
    /// @notice The off-chain details of a service (all of them, as one record).
    event DetailsChanged(
        bytes32 indexed id,
        string name,
        string description,
        bytes32 contextHash,
        string contextPointer,
        string imageLocation,
        bytes imageCredentials,
        uint256 previousChange
    );
    /// @notice The service is now served at `location`.
    event NewLocation(bytes32 indexed id, string location, address indexed by);
    /// @notice The run state changed.
    event RunStateChanged(bytes32 indexed id, RunState state, address indexed by);
    /// @notice The replica count or the maximum changed.
    event ReplicaCount(bytes32 indexed id, uint16 replicaCount, uint16 maxReplicas);
    /// @notice A backup record (encrypted to the service account's key) was appended.
    event Backup(bytes32 indexed id, uint64 indexed sequence, bytes record, address indexed by, uint256 previousChange);
    /// @notice Someone asks the manager to recover the service.
    event Claim(bytes32 indexed id, address indexed claimant, string reason, uint256 previousChange);
    /// @notice An operator was approved or revoked.
    event OperatorChanged(bytes32 indexed id, address indexed operator, bool approved);
    /// @notice The manager proposed `pendingManager` (zero: the proposal was cancelled).
    event ManagerTransferStarted(bytes32 indexed id, address indexed manager, address indexed pendingManager);
    /// @notice The manager changed; the operators the previous manager named are no longer operators.
    event ManagerChanged(bytes32 indexed id, address indexed previousManager, address indexed newManager);
    /// @notice The manager released the service: its name may be registered again, by anyone.
    event ServiceReleased(bytes32 indexed id, address indexed manager);

    // ---------------------------------------------------------------- errors

    error EmptyName();
    error ServiceAlreadyRegistered(bytes32 id);
    error ServiceNotFound(bytes32 id);
    error CallerNotManager(bytes32 id, address caller);
    error CallerNotManagerOrOperator(bytes32 id, address caller);
    error CallerNotPendingManager(bytes32 id, address caller);
    error ReplicaCountOutOfRange(bytes32 id, uint256 requested, uint256 maxReplicas);
    error MaxReplicasBelowReplicaCount(bytes32 id, uint256 requested, uint256 replicaCount);
    error ZeroAddress();
    error EmptyBackupRecord(bytes32 id);
    error ClaimReasonTooLong(bytes32 id, uint256 length, uint256 maxLength);
    error CommitmentNotFound(bytes32 commitment);
    error CommitmentTooNew(bytes32 commitment, uint256 committedInBlock);
    error CommitmentExpired(bytes32 commitment, uint256 committedAt);
    error UnexpiredCommitmentExists(bytes32 commitment);
    error StaleLocationTerm(bytes32 id, uint64 clusterId, uint64 storedTerm, uint64 storedRevision, uint64 givenTerm, uint64 givenRevision);

    // ---------------------------------------------------------------- modifiers

    modifier onlyManager(bytes32 id) {
        _requireManager(id);
        _;
    }

    modifier onlyManagerOrOperator(bytes32 id) {
        address manager = _services[id].manager;
        if (manager == address(0)) revert ServiceNotFound(id);
        if (manager != msg.sender && _operatorIndex[id][_services[id].operatorEpoch][msg.sender] == 0) {
            revert CallerNotManagerOrOperator(id, msg.sender);
        }
        _;
    }

    modifier exists(bytes32 id) {
        if (_services[id].manager == address(0)) revert ServiceNotFound(id);
        _;
    }

    // ---------------------------------------------------------------- writes

    /// @notice First step of a registration: publish `makeCommitment(name, owner, secret)`, then call
    ///         `register` with the same name and secret from `owner`, at least one block later and
    ///         within MAX_COMMITMENT_AGE. Nobody who sees the name in the second step can use it: the
    ///         commitment binds the owner, and a new commitment needs a block of its own.
    function commit(bytes32 commitment) external {
        Commitment storage c = _commitments[commitment];
        if (c.blockNumber != 0 && block.timestamp <= c.timestamp + MAX_COMMITMENT_AGE) {
            revert UnexpiredCommitmentExists(commitment);
        }
        c.blockNumber = uint64(block.number);
        c.timestamp = uint64(block.timestamp);
    }

    /// @notice Registers a service under the id `keccak256(bytes(name))`, revealing a commitment the
    ///         caller made at least one block earlier (`commit`); the caller becomes its deployer and
    ///         manager. The run state starts as Stopped.
    function register(
        string calldata name,
        string calldata description,
        string calldata location,
        uint16 replicaCount,
        uint16 maxReplicas,
        bytes32 contextHash,
        string calldata contextPointer,
        string calldata imageLocation,
        bytes calldata imageCredentials,
        bytes32 secret
    ) external returns (bytes32 id) {
        if (bytes(name).length == 0) revert EmptyName();
        id = keccak256(bytes(name));
        Service storage s = _services[id];
        if (s.manager != address(0)) revert ServiceAlreadyRegistered(id);
        if (replicaCount == 0 || replicaCount > maxReplicas) {
            revert ReplicaCountOutOfRange(id, replicaCount, maxReplicas);
        }
        _consumeCommitment(_commitment(id, msg.sender, secret));
        s.manager = msg.sender;
        s.replicaCount = replicaCount;
        s.maxReplicas = maxReplicas;
        s.detailsBlock = uint40(block.number);
        s.deployer = msg.sender;
        s.detailsHash = _detailsHash(description, contextHash, contextPointer, imageLocation, imageCredentials);
        _addManaged(msg.sender, id);
        emit ServiceRegistered(id, name, msg.sender, replicaCount, maxReplicas);
        emit DetailsChanged(id, name, description, contextHash, contextPointer, imageLocation, imageCredentials, 0);
        if (bytes(location).length != 0) {
            s.location = location;
            emit NewLocation(id, location, msg.sender);
        }
    }

    /// @notice Replaces the off-chain details of the service named `name` (its id is the name's
    ///         hash, so the name in the event is checked, not trusted).
    function setDetails(
        string calldata name,
        string calldata description,
        bytes32 contextHash,
        string calldata contextPointer,
        string calldata imageLocation,
        bytes calldata imageCredentials
    ) external {
        bytes32 id = keccak256(bytes(name));
        _requireManager(id);
        Service storage s = _services[id];
        bytes32 hash = _detailsHash(description, contextHash, contextPointer, imageLocation, imageCredentials);
        if (s.detailsHash == hash) return;
        s.detailsHash = hash;
        uint256 previous = s.detailsBlock;
        s.detailsBlock = uint40(block.number);
        emit DetailsChanged(id, name, description, contextHash, contextPointer, imageLocation, imageCredentials, previous);
    }

    /// @notice Publishes where the service is served now: the URL of the replica that took the lead
    ///         of etcd cluster `clusterId` in etcd Raft term `term` at etcd revision `revision`. All
    ///         replicas sign as one service account, so the leader term is what tells a new leader from
    ///         a deposed one: within the stored cluster, (term, revision) must be greater than the stored
    ///         pair (compared in that order), else the call reverts with StaleLocationTerm and a late
    ///         update of a deposed leader changes nothing. Another cluster id is accepted: the service
    ///         runs on a new etcd (recovered or deployed again), which counts terms from the start, and a
    ///         deposed leader always belongs to the cluster of the leader that replaced it.
    function updateLocation(bytes32 id, string calldata location, uint64 clusterId, uint64 term, uint64 revision)
        external
        onlyManagerOrOperator(id)
    {
        Service storage s = _services[id];
        if (
            clusterId == s.locationCluster
                && (term < s.locationTerm || (term == s.locationTerm && revision <= s.locationRevision))
        ) {
            revert StaleLocationTerm(id, clusterId, s.locationTerm, s.locationRevision, term, revision);
        }
        s.locationCluster = clusterId;
        s.locationTerm = term;
        s.locationRevision = revision;
        _setLocation(s, id, location);
    }

    /// @notice The manager's own choice of location (e.g. from the CLI or the Watch). It is bound to
    ///         no leader term and resets the stored one to cluster 0, (0, 0): after it, the next leader
    ///         of any cluster may publish.
    function setLocation(bytes32 id, string calldata location) external onlyManager(id) {
        Service storage s = _services[id];
        s.locationCluster = 0;
        s.locationTerm = 0;
        s.locationRevision = 0;
        _setLocation(s, id, location);
    }

    function setRunState(bytes32 id, RunState state) external onlyManagerOrOperator(id) {
        Service storage s = _services[id];
        if (s.runState == state) return;
        s.runState = state;
        emit RunStateChanged(id, state, msg.sender);
    }

    /// @notice Sets how many replicas should run: at least 1, at most the maximum.
    function setReplicaCount(bytes32 id, uint16 replicaCount) external onlyManager(id) {
        Service storage s = _services[id];
        if (replicaCount == 0 || replicaCount > s.maxReplicas) {
            revert ReplicaCountOutOfRange(id, replicaCount, s.maxReplicas);
        }
        if (s.replicaCount == replicaCount) return;
        s.replicaCount = replicaCount;
        emit ReplicaCount(id, replicaCount, s.maxReplicas);
    }

    /// @notice Sets the maximum number of replicas; it may not fall below the current count.
    function setMaxReplicas(bytes32 id, uint16 maxReplicas) external onlyManager(id) {
        Service storage s = _services[id];
        if (maxReplicas < s.replicaCount) revert MaxReplicasBelowReplicaCount(id, maxReplicas, s.replicaCount);
        if (s.maxReplicas == maxReplicas) return;
        s.maxReplicas = maxReplicas;
        emit ReplicaCount(id, s.replicaCount, maxReplicas);
    }

    /// @notice Appends a backup record, encrypted to the service account's public key.
    function appendBackupLog(bytes32 id, bytes calldata record) external onlyManagerOrOperator(id) {
        if (record.length == 0) revert EmptyBackupRecord(id);
        Service storage s = _services[id];
        uint256 previous = s.lastBackupBlock;
        uint64 sequence = s.backupCount + 1;
        s.backupCount = sequence;
        s.lastBackupBlock = uint40(block.number);
        emit Backup(id, sequence, record, msg.sender, previous);
    }

    /// @notice Anyone may ask the manager to recover a service.
    function sendClaim(bytes32 id, string calldata reason) external exists(id) {
        if (bytes(reason).length > MAX_CLAIM_REASON_BYTES) {
            revert ClaimReasonTooLong(id, bytes(reason).length, MAX_CLAIM_REASON_BYTES);
        }
        Service storage s = _services[id];
        uint256 previous = s.lastClaimBlock;
        s.lastClaimBlock = uint40(block.number);
        emit Claim(id, msg.sender, reason, previous);
    }

    /// @notice Approves or revokes an operator (e.g. the replicas' service account).
    function setOperator(bytes32 id, address operator, bool approved) external onlyManager(id) {
        if (operator == address(0)) revert ZeroAddress();
        uint32 epoch = _services[id].operatorEpoch;
        mapping(address => uint256) storage indexOf = _operatorIndex[id][epoch];
        address[] storage list = _operators[id][epoch];
        uint256 index = indexOf[operator];
        if (approved == (index != 0)) return;
        if (approved) {
            list.push(operator);
            indexOf[operator] = list.length;
        } else {
            address last = list[list.length - 1];
            list[index - 1] = last;
            indexOf[last] = index;
            list.pop();
            delete indexOf[operator];
        }
        emit OperatorChanged(id, operator, approved);
    }

    /// @notice First step of a manager transfer; `newManager` must accept. Zero cancels.
    function transferManager(bytes32 id, address newManager) external onlyManager(id) {
        Service storage s = _services[id];
        if (s.pendingManager == newManager) return;
        s.pendingManager = newManager;
        emit ManagerTransferStarted(id, msg.sender, newManager);
    }

    /// @notice Second step of a manager transfer, called by the proposed manager. The new manager
    ///         starts with no operators: it approves its own (`setOperator`).
    function acceptManager(bytes32 id) external exists(id) {
        Service storage s = _services[id];
        if (s.pendingManager != msg.sender) revert CallerNotPendingManager(id, msg.sender);
        address previous = s.manager;
        s.manager = msg.sender;
        delete s.pendingManager;
        s.operatorEpoch += 1;
        s.locationCluster = 0; // the new manager's replicas may run on an etcd of their own
        s.locationTerm = 0;
        s.locationRevision = 0;
        _removeManaged(previous, id);
        _addManaged(msg.sender, id);
        emit ManagerChanged(id, previous, msg.sender);
    }

    /// @notice Gives the service's name up: everything the contract stores about it is deleted
    ///         (its events stay on the chain) and anyone may register the name again.
    function release(bytes32 id) external onlyManager(id) {
        Service storage s = _services[id];
        address manager = s.manager;
        uint32 nextEpoch = s.operatorEpoch + 1; // a later registration starts with no operators
        _removeManaged(manager, id);
        delete _services[id];
        _services[id].operatorEpoch = nextEpoch;
        emit ServiceReleased(id, manager);
    }

    // ---------------------------------------------------------------- reads

    /// @notice The commitment `owner` publishes with `commit` before registering `name` with `secret`.
    function makeCommitment(string calldata name, address owner, bytes32 secret) external pure returns (bytes32) {
        return _commitment(keccak256(bytes(name)), owner, secret);
    }

    function serviceIdOf(string calldata name) external pure returns (bytes32) {
        return keccak256(bytes(name));
    }

    function isRegistered(bytes32 id) external view returns (bool) {
        return _services[id].manager != address(0);
    }

    function getServiceLocation(bytes32 id) external view exists(id) returns (string memory) {
        return _services[id].location;
    }

    /// @notice The leader term of the stored location: cluster 0, (0, 0) until a leader published, or after the manager set it.
    function getLocationTerm(bytes32 id)
        external
        view
        exists(id)
        returns (uint64 clusterId, uint64 term, uint64 revision)
    {
        Service storage s = _services[id];
        return (s.locationCluster, s.locationTerm, s.locationRevision);
    }

    /// @notice Everything the contract stores about a service, in one call.
    function getService(bytes32 id)
        external
        view
        exists(id)
        returns (
            address manager,
            address pendingManager,
            address deployer,
            RunState runState,
            uint16 replicaCount,
            uint16 maxReplicas,
            uint64 backupCount,
            uint256 detailsBlock,
            uint256 lastBackupBlock,
            uint256 lastClaimBlock,
            string memory location
        )
    {
        Service storage s = _services[id];
        return (
            s.manager,
            s.pendingManager,
            s.deployer,
            s.runState,
            s.replicaCount,
            s.maxReplicas,
            s.backupCount,
            s.detailsBlock,
            s.lastBackupBlock,
            s.lastClaimBlock,
            s.location
        );
    }

    /// @notice The ids of the services `manager` manages, in no particular order.
    function servicesOf(address manager) external view returns (bytes32[] memory) {
        return _managed[manager];
    }

    function operatorsOf(bytes32 id) external view returns (address[] memory) {
        return _operators[id][_services[id].operatorEpoch];
    }

    function isOperator(bytes32 id, address account) external view returns (bool) {
        return _operatorIndex[id][_services[id].operatorEpoch][account] != 0;
    }

    // ---------------------------------------------------------------- internal

    function _requireManager(bytes32 id) private view {
        address manager = _services[id].manager;
        if (manager == address(0)) revert ServiceNotFound(id);
        if (manager != msg.sender) revert CallerNotManager(id, msg.sender);
    }

    function _commitment(bytes32 id, address owner, bytes32 secret) private pure returns (bytes32) {
        return keccak256(abi.encode(id, owner, secret));
    }

    function _consumeCommitment(bytes32 commitment) private {
        Commitment memory c = _commitments[commitment];
        if (c.blockNumber == 0) revert CommitmentNotFound(commitment);
        if (block.number <= c.blockNumber) revert CommitmentTooNew(commitment, c.blockNumber);
        if (block.timestamp > c.timestamp + MAX_COMMITMENT_AGE) revert CommitmentExpired(commitment, c.timestamp);
        delete _commitments[commitment];
    }

    function _detailsHash(
        string calldata description,
        bytes32 contextHash,
        string calldata contextPointer,
        string calldata imageLocation,
        bytes calldata imageCredentials
    ) private pure returns (bytes32) {
        return keccak256(abi.encode(description, contextHash, contextPointer, imageLocation, imageCredentials));
    }

    function _setLocation(Service storage s, bytes32 id, string calldata location) private {
        if (keccak256(bytes(s.location)) == keccak256(bytes(location))) return;
        s.location = location;
        emit NewLocation(id, location, msg.sender);
    }

    function _addManaged(address manager, bytes32 id) private {
        _managed[manager].push(id);
        _managedIndex[id] = _managed[manager].length;
    }

    function _removeManaged(address manager, bytes32 id) private {
        bytes32[] storage list = _managed[manager];
        uint256 index = _managedIndex[id];
        bytes32 last = list[list.length - 1];
        list[index - 1] = last;
        _managedIndex[last] = index;
        list.pop();
        delete _managedIndex[id];
    }
}
